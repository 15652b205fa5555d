// Messaging benchmark: events written through the outbox in a service database, dispatched to the PostgreSQL
// transport, consumed with the inbox into a second service database — the full path a checkout event takes.
// Prints throughput for a burst and publish-to-handler latency percentiles for a burst and for a steady rate.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ECommerce.Messaging;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var messages = ArgValue("--messages", 10_000);
var rate = ArgValue("--rate", 500);
var server = await PostgresServer.GetAsync();
var messagingDb = await server.CreateDatabaseAsync("bench_messaging");

using var publisher = await StartServiceAsync("ECommerce.Publisher", await server.CreateDatabaseAsync("bench_pub"), messagingDb, consume: false);
using var consumer = await StartServiceAsync("ECommerce.Consumer", await server.CreateDatabaseAsync("bench_con"), messagingDb, consume: true);
await Task.Delay(1000); // consumer subscribed and listening

Console.WriteLine($"Messaging benchmark — outbox → PostgreSQL transport → inbox; {Environment.ProcessorCount} cores");
Console.WriteLine();

// 1. Burst: write every event as fast as the service database takes them (100 per transaction), time until all handled.
BenchHandler.Reset();
var burst = Stopwatch.StartNew();
for (var i = 0; i < messages; i += 100)
{
    await PublishAsync(publisher.Services, Math.Min(100, messages - i));
}

await BenchHandler.WaitForAsync(messages, TimeSpan.FromMinutes(5));
burst.Stop();
Report($"burst of {messages:N0}", messages, burst.Elapsed);

// 2. Steady rate: one event per transaction at a fixed rate, the latency a shopper's checkout would see.
BenchHandler.Reset();
var steadyCount = rate * 10;
var steady = Stopwatch.StartNew();
for (var i = 0; i < steadyCount; i++)
{
    await PublishAsync(publisher.Services, 1);
    var due = TimeSpan.FromSeconds((i + 1) / (double)rate);
    if (due > steady.Elapsed)
    {
        await Task.Delay(due - steady.Elapsed);
    }
}

await BenchHandler.WaitForAsync(steadyCount, TimeSpan.FromMinutes(5));
steady.Stop();
Report($"steady {rate}/s for 10 s", steadyCount, steady.Elapsed);

await publisher.StopAsync();
await consumer.StopAsync();

static void Report(string label, int count, TimeSpan elapsed)
{
    var latencies = BenchHandler.Latencies.Order().ToArray();
    double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-24} {count / elapsed.TotalSeconds,9:N0} msg/s   p50 {Percentile(0.50),7:N1} ms   p99 {Percentile(0.99),7:N1} ms   max {latencies[^1],7:N1} ms"));
}

static async Task PublishAsync(IServiceProvider services, int count)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
    for (var i = 0; i < count; i++)
    {
        db.AddIntegrationEvent(new BenchEvent(Guid.NewGuid()));
    }

    await db.SaveChangesAsync();
}

static async Task<IHost> StartServiceAsync(string name, string serviceDb, string messagingDb, bool consume)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = name });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:messaging"] = messagingDb,
        ["Messaging:Transport"] = "postgres",
        ["Messaging:MaxConcurrency"] = "32",
    });
    builder.Services.AddDbContext<BenchDbContext>(o => o.UseNpgsql(serviceDb));
    builder.AddMessaging<BenchDbContext>(m =>
    {
        if (consume)
        {
            m.Subscribe<BenchEvent, BenchHandler>();
        }
    });
    var host = builder.Build();
    await using (var scope = host.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Database.EnsureCreatedAsync();
    }

    await host.StartAsync();
    return host;
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

[EventName("BenchEvent")]
internal sealed record BenchEvent(Guid Key) : IntegrationEvent;

internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

[HandlerName("BenchHandler")]
internal sealed class BenchHandler : IIntegrationEventHandler<BenchEvent>
{
    private static ConcurrentBag<double> _latencies = [];

    public static IReadOnlyCollection<double> Latencies => _latencies;

    public static void Reset() => _latencies = [];

    public static async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_latencies.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {_latencies.Count} of {count} messages were handled.");
            }

            await Task.Delay(10);
        }
    }

    public Task HandleAsync(BenchEvent @event, CancellationToken cancellationToken)
    {
        _latencies.Add((DateTimeOffset.UtcNow - @event.OccurredAt).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
