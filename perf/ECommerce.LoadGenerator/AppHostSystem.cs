namespace ECommerce.LoadGenerator;

/// <summary>
/// The whole store started in-process from the AppHost (local mode: the machine's PostgreSQL and Redis, data in a
/// temp folder), with the gateway's per-client rate limit raised: every virtual shopper comes from one address.
/// </summary>
public sealed class AppHostSystem : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ecommerce-load-").FullName;

    private AppHostSystem()
    {
    }

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public static readonly string[] ServiceNames = ["auth", "products", "orders", "payments", "users", "ai", "gateway"];

    /// <param name="shedding">False switches every service's overload shedding off (Overload:Enabled), to measure without it.</param>
    public static async Task<AppHostSystem> StartAsync(TextWriter log, CancellationToken ct, bool shedding = true)
    {
        var system = new AppHostSystem();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "local", "--Infrastructure:DataDirectory", system._dataDirectory,
             // The services' own logs stay in the dashboard's store; the console shows the run's figures.
             "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:ECommerce.AppHost.Resources", "None",
             "--Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None"], ct);
        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");
        builder.CreateResourceBuilder(gateway)
            .WithEnvironment("Gateway__RateLimiting__PermitsPerClientPerWindow", "1000000")
            .WithEnvironment("Gateway__RateLimiting__GlobalQueueLength", "5000");
        if (!shedding)
        {
            foreach (var service in builder.Resources.OfType<ProjectResource>().Where(r => ServiceNames.Contains(r.Name)))
            {
                builder.CreateResourceBuilder(service).WithEnvironment("Overload__Enabled", "false");
            }
        }

        system.App = await builder.BuildAsync(ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await system.App.StartAsync(ct);
        foreach (var name in ServiceNames)
        {
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
        }

        system.Gateway = system.App.GetEndpoint("gateway", "http");
        log.WriteLine($"AppHost started in {clock.Elapsed.TotalSeconds:0.0} s; gateway {system.Gateway}");
        return system;
    }

    /// <summary>The databases' connection strings as the services receive them.</summary>
    public static async Task<Dictionary<string, string>> ConnectionStringsAsync(DistributedApplication app, CancellationToken ct)
    {
        var strings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in InvariantChecker.Databases)
        {
            strings[name] = await app.GetConnectionStringAsync(name, ct) ?? throw new InvalidOperationException($"No connection string for {name}.");
        }

        return strings;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be closing its files.
        }
    }
}
