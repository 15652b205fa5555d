using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.LoadGenerator;

/// <summary>
/// The whole store started in-process from the AppHost (local mode: the machine's PostgreSQL and Redis, data in a
/// temp folder), with the gateway's per-client rate limit raised: every virtual shopper comes from one address.
/// </summary>
public sealed class AppHostSystem : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ecommerce-load-").FullName;
    private TelemetrySink? _telemetry;

    private AppHostSystem()
    {
    }

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>Exports the services sent to the <see cref="TelemetrySink"/>; null with the dashboard.</summary>
    public long? TelemetryExports => _telemetry?.Exports;

    public static readonly string[] ServiceNames = ["auth", "products", "orders", "payments", "users", "ai", "notifications", "gateway"];

    /// <param name="shedding">False switches every service's overload shedding off (Overload:Enabled), to measure without it.</param>
    /// <param name="replicas">Processes of every service (the AppHost's <c>Replicas</c>).</param>
    /// <param name="priority">False makes every service shed by arrival alone (Overload:Prioritise), to measure without it.</param>
    /// <param name="journeys">False stops Orders serving journeys under way before new ones (Overload:InProgressFirst), to measure without it.</param>
    /// <param name="checkoutFirst">False stops the gateway refusing browsing while Orders sheds (Gateway:CheckoutFirst), to measure without it.</param>
    /// <param name="dashboard">
    /// True runs the Aspire dashboard and the services export their traces, metrics and logs to it, as in a developer's
    /// run; false (the testing builder's default) runs none, and the services export to a <see cref="TelemetrySink"/>
    /// that accepts and drops everything, so they do the work a deployment's export does.
    /// </param>
    public static async Task<AppHostSystem> StartAsync(
        TextWriter log, CancellationToken ct, bool shedding = true, int replicas = 1, bool priority = true, bool journeys = true, bool checkoutFirst = true,
        bool dashboard = false)
    {
        var system = new AppHostSystem();
        string[] args =
            ["--infra", "local", "--Infrastructure:DataDirectory", system._dataDirectory,
             // The console shows the run's figures; the services' own logs go to the dashboard when there is one.
             "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:ECommerce.AppHost.Resources", "None",
             "--Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None",
             "--Replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (dashboard)
        {
            args = [.. args, "--ASPNETCORE_URLS", $"http://localhost:{FreePort.Next()}", "--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://localhost:{FreePort.Next()}"];
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(args, (options, _) =>
        {
            options.DisableDashboard = !dashboard;
            options.AllowUnsecuredTransport = true;
        }, ct);
        if (!dashboard)
        {
            // Aspire still hands every service an OTLP endpoint (localhost:4317) with no dashboard behind it: each export
            // would fail, throw and be retried (docs/benchmarks.md, "Inside each process"). The sink answers instead.
            system._telemetry = await TelemetrySink.StartAsync();
            foreach (var project in builder.Resources.OfType<ProjectResource>())
            {
                builder.CreateResourceBuilder(project)
                    .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", system._telemetry.Endpoint.ToString().TrimEnd('/'))
                    .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            }
        }

        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");
        builder.CreateResourceBuilder(gateway)
            .WithEnvironment("Gateway__RateLimiting__PermitsPerClientPerWindow", "1000000")
            .WithEnvironment("Gateway__RateLimiting__GlobalQueueLength", "5000");
        if (!checkoutFirst)
        {
            builder.CreateResourceBuilder(gateway).WithEnvironment("Gateway__CheckoutFirst__Enabled", "false");
        }

        // The "before" of a measurement: shedding off altogether, or shedding by arrival alone.
        foreach (var service in builder.Resources.OfType<ProjectResource>().Where(r => ServiceNames.Contains(r.Name)))
        {
            if (!shedding)
            {
                builder.CreateResourceBuilder(service).WithEnvironment("Overload__Enabled", "false");
            }

            if (!priority)
            {
                builder.CreateResourceBuilder(service).WithEnvironment("Overload__Prioritise", "false");
            }

            if (!journeys)
            {
                builder.CreateResourceBuilder(service).WithEnvironment("Overload__InProgressFirst", "false");
            }
        }

        system.App = await builder.BuildAsync(ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await system.App.StartAsync(ct);
        foreach (var name in ServiceNames)
        {
            // Every replica, not the first healthy one.
            foreach (var id in await ReplicaIdsAsync(system.App, name, ct))
            {
                await system.App.ResourceNotifications.WaitForResourceAsync(name,
                    e => e.ResourceId == id && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, ct);
            }
        }

        system.Gateway = system.App.GetEndpoint("gateway", "http");
        log.WriteLine($"AppHost started in {clock.Elapsed.TotalSeconds:0.0} s; gateway {system.Gateway}");
        return system;
    }

    /// <summary>
    /// The orchestrator's ids of a resource's replicas (<c>orders-abcd1234</c>, …), in order; one id without replicas.
    /// From the notification service, which replays every instance's latest state to a new watcher.
    /// </summary>
    public static async Task<string[]> ReplicaIdsAsync(DistributedApplication app, string name, CancellationToken ct)
    {
        var resource = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);
        var expected = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in app.ResourceNotifications.WatchAsync(ct))
        {
            if (e.Resource.Name == name && ids.Add(e.ResourceId) && ids.Count == expected)
            {
                break;
            }
        }

        return [.. ids];
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

        if (_telemetry is not null)
        {
            await _telemetry.DisposeAsync();
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
