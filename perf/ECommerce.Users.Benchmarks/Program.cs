// Users service benchmark: the real service in a test host (in-memory HTTP, real PostgreSQL, real transport).
// Measures the address lookup Orders makes at checkout, the admin search over many profiles, and how fast
// UserRegistered events become profiles. Prints latency percentiles and throughput.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Postgres;
using ECommerce.Testing;
using ECommerce.Users.Addresses;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var profiles = ArgValue("--profiles", 20_000);
var requests = ArgValue("--requests", 5_000);
var concurrency = ArgValue("--concurrency", 8);

var server = await PostgresServer.GetAsync();
var messagingDb = await server.CreateDatabaseAsync("bench_messaging");
var usersDb = await server.CreateDatabaseAsync("bench_usersdb");
// Any type of the service's assembly names its entry point; this project has a Program of its own.
await using var factory = new WebApplicationFactory<UsersDbContext>().WithWebHostBuilder(web => web
    .UseEnvironment("Production")
    .UseSolutionRelativeContentRoot("services/Users")
    .UseSetting("ConnectionStrings:usersdb", usersDb)
    .UseSetting("ConnectionStrings:messaging", messagingDb)
    .UseSetting("Messaging:Transport", "postgres")
    .UseSetting("Logging:LogLevel:Default", "Warning")
    .ConfigureServices(services => services.TrustTestTokens()));
factory.StartServer();

Console.WriteLine($"Users benchmark — {Environment.ProcessorCount} cores, in-memory HTTP, real PostgreSQL and transport");
Console.WriteLine();

// 1. UserRegistered → profile: publish a burst through the transport, time until every profile exists.
await using (var transport = new PostgresTransport(messagingDb))
{
    var ids = Enumerable.Range(0, profiles).Select(i => $"bench-{i:D6}").ToList();
    var clock = Stopwatch.StartNew();
    foreach (var chunk in ids.Chunk(500))
    {
        await transport.PublishAsync(nameof(UserRegistered),
            [.. chunk.Select(id => EventSerializer.Serialize(new UserRegistered(id, $"{id}@example.test", $"Shopper {id}")))], default);
    }

    while (await CountProfilesAsync() < profiles)
    {
        await Task.Delay(100);
    }

    Console.WriteLine($"{profiles:N0} UserRegistered → profiles: {clock.Elapsed.TotalSeconds:0.0} s, {profiles / clock.Elapsed.TotalSeconds:N0} events/s");
}

// 2. GET /api/users/me/addresses/{id}: the call Orders makes for every checkout.
var customers = new List<(HttpClient Client, Guid AddressId)>();
for (var i = 0; i < 50; i++)
{
    var client = factory.CreateClient();
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Customer($"bench-{i:D6}"));
    var created = await client.PostAsJsonAsync("/api/users/me/addresses",
        new SaveAddressRequest("Home", "Bench Shopper", "1 High Street", null, "London", "EC1A 1BB", null, "GB", null, null, null));
    customers.Add((client, (await created.Content.ReadFromJsonAsync<AddressResponse>())!.Id));
}

await MeasureAsync("GET /api/users/me/addresses/{id}", i =>
{
    var (client, id) = customers[i % customers.Count];
    return client.GetAsync($"/api/users/me/addresses/{id}");
});

// 3. Admin search: substring match over every profile's email and display name, first page.
var admin = factory.CreateClient();
admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin());
await MeasureAsync($"GET /api/users?search=… over {profiles:N0} profiles", i =>
    admin.GetAsync($"/api/users?search={(i * 7919) % profiles:D6}&limit=20"), count: Math.Min(requests, 1_000));

return 0;

async Task<int> CountProfilesAsync()
{
    await using var scope = factory.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<UsersDbContext>().Profiles.CountAsync();
}

async Task MeasureAsync(string name, Func<int, Task<HttpResponseMessage>> call, int? count = null)
{
    var total = count ?? requests;
    for (var i = 0; i < 50; i++)
    {
        (await call(i)).EnsureSuccessStatusCode(); // warm-up
    }

    var latencies = new double[total];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            var started = Stopwatch.GetTimestamp();
            (await call(i)).EnsureSuccessStatusCode();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }));
    clock.Stop();
    Array.Sort(latencies);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {total:N0} requests, concurrency {concurrency}: {total / clock.Elapsed.TotalSeconds:N0} req/s, p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms"));

    double Percentile(double p) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
