using ECommerce.AppHost.Tests.Telemetry;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// Starts the whole AppHost once per test collection in local mode (the machine's PostgreSQL, data in a temp folder)
/// and waits until every resource is healthy. The cache is Garnet, the server a machine without redis-server runs:
/// the per-service tests use redis-server, so both servers the README promises are exercised on every run.
/// </summary>
public sealed class WholeSystemFixture : IAsyncLifetime
{
    // Generous: the test run starts this system while another test module runs beside it on two cores. How long a cold
    // start takes is measured by the footprint benchmark (docs/benchmarks.md), not asserted here.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The administrator Auth seeds (its appsettings' Auth:Admin:Email).</summary>
    public const string AdminEmail = "admin@ecommerce.local";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ecommerce-system-").FullName;

    /// <summary>Every resource the system is made of; a new service is added here and so must become healthy too.</summary>
    public static readonly string[] ResourceNames =
    [
        "postgres", "cache", "productsdb", "authdb", "usersdb", "ordersdb", "paymentsdb", "aidb", "notificationsdb", "messaging",
        "smtp4dev", "auth", "products", "orders", "payments", "users", "ai", "notifications", "gateway",
    ];

    /// <summary>True for the services (as opposed to the servers and databases they use).</summary>
    public static bool IsService(string resourceName) =>
        resourceName is not ("postgres" or "cache" or "messaging" or "smtp4dev") && !resourceName.EndsWith("db", StringComparison.Ordinal);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Where every service sends its traces and metrics in this run (the dashboard's place when developing).</summary>
    public OtlpCollector Telemetry { get; private set; } = null!;

    /// <summary>
    /// The seeded admin's password, chosen here and given to the AppHost as configuration (Auth:Admin:Password), which
    /// passes it to Auth — so tests never read the development secret Auth would otherwise generate into its data folder.
    /// </summary>
    public string AdminPassword { get; } = "Admin-" + Guid.NewGuid().ToString("N");

    public TimeSpan TimeToHealthy { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "local", "--Infrastructure:CacheServer", "garnet", "--Infrastructure:DataDirectory", _dataDirectory,
                "--Auth:Admin:Password", AdminPassword], timeout.Token);
        Telemetry = await OtlpCollector.StartAsync();
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            // Added after the AppHost's own OTLP settings, so these win: export to the collector over HTTP, promptly.
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint.ToString().TrimEnd('/'))
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "2000");
        }

        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);

        foreach (var name in ResourceNames)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }

        TimeToHealthy = started.Elapsed;
        Console.WriteLine($"whole system: cold start to all healthy in {TimeToHealthy.TotalSeconds:0.0} s");
    }

    public HttpClient CreateGatewayClient() => App.CreateHttpClient("gateway");

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be closing its files; the temp folder is cleaned by the OS eventually.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WholeSystemCollection : ICollectionFixture<WholeSystemFixture>
{
    public const string Name = "whole system";
}
