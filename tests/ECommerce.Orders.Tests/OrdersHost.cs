using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.Transport;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>
/// The real Orders service (WebApplicationFactory) on a real PostgreSQL (its database and the messaging database),
/// the real Redis the AppHost hands it, and a loopback server standing in for Products and Users. Tests play Products
/// and Payments by publishing their events through the PostgreSQL transport, and watch what Orders publishes on a "spy" subscription.
/// </summary>
public class OrdersHost : IAsyncLifetime
{
    public const string SpySubscription = "spy";
    public static readonly JsonSerializerOptions Json = CreateJson();

    private PostgresTransport _transport = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public NeighbourServices Neighbours { get; private set; } = null!;

    public string OrdersDb { get; private set; } = "";

    public string MessagingDb { get; private set; } = "";

    /// <summary>Settings a fixture changes (timeouts, TTLs) on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        var redisConnectionString = await RedisConnectionStringAsync();
        OrdersDb = await postgres.CreateDatabaseAsync("ordersdb");
        MessagingDb = await postgres.CreateDatabaseAsync("messaging");
        Neighbours = await NeighbourServices.StartAsync();

        _transport = new PostgresTransport(MessagingDb);
        await _transport.EnsureTopologyAsync(
            [.. new[] { nameof(OrderPlaced), nameof(OrderPaid), nameof(OrderCancelled), nameof(OrderShipped) }.Select(t => new SubscriptionBinding(t, SpySubscription))],
            TestContext.Current.CancellationToken);

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:ordersdb"] = OrdersDb,
            ["ConnectionStrings:messaging"] = MessagingDb,
            ["Messaging:Transport"] = "postgres",
            ["ConnectionStrings:cache"] = redisConnectionString,
            ["Orders:Products:BaseAddress"] = Neighbours.Address,
            ["Orders:Users:BaseAddress"] = Neighbours.Address,
            ["Orders:Timeouts:Pending"] = "01:00:00",
            ["Orders:Timeouts:StockReserved"] = "01:00:00",
            ["Orders:Timeouts:ScanInterval"] = "00:00:00.200",
            ["Messaging:RetryDelay"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureServices(services => services.TrustTestTokens());
        });
        // Start now: migrations run and the subscription binds before any test publishes.
        _ = Factory.Services;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _transport.DisposeAsync();
        await Neighbours.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The cache the service is given (as the AppHost gives it one): the shared test server unless a fixture brings its own.</summary>
    protected virtual async Task<string> RedisConnectionStringAsync() => (await RedisServer.GetAsync()).ConnectionString;

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Publishes an event as another service would: through the broker, to whoever subscribed.</summary>
    public Task PublishAsync(IntegrationEvent @event) =>
        _transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [EventSerializer.Serialize(@event)], TestContext.Current.CancellationToken);

    /// <summary>Publishes the same message (same id) again: what a broker's redelivery looks like.</summary>
    public Task RedeliverAsync(IntegrationEvent @event) => PublishAsync(@event);

    /// <summary>What Orders published about an order, read from the spy subscription's queue.</summary>
    public async Task<List<(string Type, JsonElement Body)>> PublishedAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(MessagingDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT type, body FROM messaging.queue WHERE subscription = @s AND (body::jsonb ->> 'orderId')::uuid = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("s", SpySubscription);
        command.Parameters.AddWithValue("id", orderId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var result = new List<(string, JsonElement)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            result.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }

        return result;
    }

    /// <summary>When the stored cart of an owner (<c>cart:customer:…</c>) expires; null when it has no row.</summary>
    public async Task<DateTimeOffset?> CartExpiresAtAsync(string ownerKey)
    {
        await using var connection = new NpgsqlConnection(OrdersDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT expires_at FROM carts WHERE owner_key = @k", connection);
        command.Parameters.AddWithValue("k", ownerKey);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is DateTime expiresAt ? new DateTimeOffset(expiresAt) : null;
    }

    /// <summary>Plays time passing: the stored cart now expires after <paramref name="remaining"/>.</summary>
    public async Task SetCartExpiryAsync(string ownerKey, TimeSpan remaining)
    {
        await using var connection = new NpgsqlConnection(OrdersDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("UPDATE carts SET expires_at = now() + @remaining WHERE owner_key = @k", connection);
        command.Parameters.AddWithValue("k", ownerKey);
        command.Parameters.AddWithValue("remaining", remaining);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Waits until Orders has published <paramref name="count"/> events of a type about an order, and returns them.</summary>
    public async Task<List<JsonElement>> WaitForPublishedAsync(Guid orderId, string type, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = (await PublishedAsync(orderId)).Where(p => p.Type == type).Select(p => p.Body).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count >= count, $"Expected {count} {type} for {orderId}, saw {found.Count}.");
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls the customer's view of the order until it reaches a status.</summary>
    public async Task<OrderDetail> WaitForStatusAsync(string token, Guid orderId, OrderStatus status)
    {
        using var client = Client(token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var order = await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{orderId}", Json, TestContext.Current.CancellationToken);
            if (order!.Status == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, order.Status);
                return order;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Places an order for one unit of each product and returns it.</summary>
    public async Task<OrderDetail> PlaceOrderAsync(string token, params StubProduct[] products)
    {
        using var client = Client(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(Checkout(products), options: Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderDetail>(Json, TestContext.Current.CancellationToken))!;
    }

    public static CheckoutRequest Checkout(params StubProduct[] products) => new(
        [.. products.Select(p => new CheckoutLineRequest(p.Id, 1))],
        null,
        new PostalAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", null, "GB", null),
        "pm_card_visa");

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}

/// <summary>One Orders host shared by the saga, checkout, authorization and cart tests.</summary>
[CollectionDefinition(Name)]
public sealed class OrdersCollection : ICollectionFixture<OrdersHost>
{
    public const string Name = "orders host";
}
