// Messaging benchmark: events written through the outbox in a service database, dispatched to the PostgreSQL
// transport, consumed with the inbox into a second service database — the full path a checkout event takes.
// Prints throughput for a burst and publish-to-handler latency percentiles for a burst, for a steady rate and for
// single events on an idle system. --inbox-batch N handles up to N delivered messages per inbox transaction.
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
var inboxBatch = ArgValue("--inbox-batch", 1);
var idle = ArgValue("--idle", 20);
// --unprepared: every statement parsed and planned on each run, as before 2026-12-05 (the "before" of prepared statements).
var prepareLimit = args.Contains("--unprepared") ? 0 : 100;
var server = await PostgresServer.GetAsync();
var messagingDb = await server.CreateDatabaseAsync("bench_messaging");
if (prepareLimit == 0)
{
    messagingDb += ";Max Auto Prepare=0";
}

var cpu = await CpuMeter.StartAsync(messagingDb);

using var publisher = await StartServiceAsync("ECommerce.Publisher", await server.CreateDatabaseAsync("bench_pub"), messagingDb, consume: false, inboxBatch, prepareLimit);
using var consumer = await StartServiceAsync("ECommerce.Consumer", await server.CreateDatabaseAsync("bench_con"), messagingDb, consume: true, inboxBatch, prepareLimit);
await Task.Delay(1000); // consumer subscribed and listening

Console.WriteLine($"Messaging benchmark — outbox → PostgreSQL transport → inbox; {Environment.ProcessorCount} cores; " +
    $"inbox batch {inboxBatch}; statements {(prepareLimit > 0 ? "prepared" : "unprepared")}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine();

// Warm-up, not reported: a service runs for days, so its hot paths are jitted (tier 1) before any figure counts.
// Without it a 10,000-message run spends a quarter of its CPU in the JIT (perf, 2026-12-03).
BenchHandler.Reset();
var warmUp = ArgValue("--warm-up", 3_000);
for (var i = 0; i < warmUp; i += 100)
{
    await PublishAsync(publisher.Services, Math.Min(100, warmUp - i));
}

await BenchHandler.WaitForAsync(warmUp, TimeSpan.FromMinutes(5));
for (var i = 0; i < warmUp; i++)
{
    await PublishAsync(publisher.Services, 1);
}

await BenchHandler.WaitForAsync(2 * warmUp, TimeSpan.FromMinutes(5));

// 0. Idle: one event at a time, the next only after the last was handled and a pause — what one checkout hop costs.
BenchHandler.Reset();
for (var i = 0; i < idle; i++)
{
    await PublishAsync(publisher.Services, 1);
    await BenchHandler.WaitForAsync(i + 1, TimeSpan.FromSeconds(30));
    await Task.Delay(200);
}

if (idle > 0)
{
    Report($"idle, one at a time ×{idle}", idle, TimeSpan.Zero);
}

// 1. Burst: write every event as fast as the service database takes them (100 per transaction), time until all handled.
BenchHandler.Reset();
cpu.Mark();
var burst = Stopwatch.StartNew();
for (var i = 0; i < messages; i += 100)
{
    await PublishAsync(publisher.Services, Math.Min(100, messages - i));
}

await BenchHandler.WaitForAsync(messages, TimeSpan.FromMinutes(5));
burst.Stop();
Report($"burst of {messages:N0}", messages, burst.Elapsed);
cpu.Report(messages);

// 2. Steady rate: one event per transaction at a fixed rate, the latency a shopper's checkout would see.
BenchHandler.Reset();
cpu.Mark();
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
cpu.Report(steadyCount);

await publisher.StopAsync();
await consumer.StopAsync();

static void Report(string label, int count, TimeSpan elapsed)
{
    var latencies = BenchHandler.Latencies.Order().ToArray();
    double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
    var throughput = elapsed > TimeSpan.Zero ? (count / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) : "-";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-24} {throughput,9} msg/s   p50 {Percentile(0.50),7:N1} ms   p99 {Percentile(0.99),7:N1} ms   max {latencies[^1],7:N1} ms"));
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

static async Task<IHost> StartServiceAsync(string name, string serviceDb, string messagingDb, bool consume, int inboxBatch, int prepareLimit)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = name });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:messaging"] = messagingDb,
        ["Messaging:Transport"] = "postgres",
        ["Messaging:MaxConcurrency"] = "32",
        ["Messaging:InboxBatchSize"] = inboxBatch.ToString(CultureInfo.InvariantCulture),
    });
    // Pooled as the services' databases are (ServiceDefaults' PooledConnections); the transport sets up its own pool.
    var prepared = new Npgsql.NpgsqlConnectionStringBuilder(serviceDb) { MaxAutoPrepare = prepareLimit, NoResetOnClose = true }.ConnectionString;
    builder.Services.AddDbContext<BenchDbContext>(o => o.UseNpgsql(prepared));
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

/// <summary>
/// CPU spent per message, which the shared machine's load does not change: this process (publisher, dispatcher,
/// consumer) and the PostgreSQL server (postmaster, its live backends, and the reaped ones it accounts as children).
/// 2 cores ÷ CPU per message is the throughput this path could reach on an otherwise idle machine.
/// </summary>
internal sealed class CpuMeter(PostgresCpu postgres)
{
    private (TimeSpan Dotnet, TimeSpan Postgres) _mark;

    public static async Task<CpuMeter> StartAsync(string connectionString) => new(await PostgresCpu.OfServerAsync(connectionString));

    public void Mark() => _mark = (Process.GetCurrentProcess().TotalProcessorTime, postgres.Total());

    public void Report(int count)
    {
        var dotnet = (Process.GetCurrentProcess().TotalProcessorTime - _mark.Dotnet).TotalMilliseconds * 1000 / count;
        var server = (postgres.Total() - _mark.Postgres).TotalMilliseconds * 1000 / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"",-24} CPU per message: .NET {dotnet:N0} µs + PostgreSQL {server:N0} µs = {dotnet + server:N0} µs → {2_000_000 / (dotnet + server):N0} msg/s on 2 idle cores"));
    }
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
