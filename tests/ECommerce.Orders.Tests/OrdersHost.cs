using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Transport;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>
/// The real Orders service (a <see cref="ServiceHost{TProgram}"/>: its database, the messaging database, the shared
/// Redis) with a loopback server standing in for Products and Users. Tests play Products
/// and Payments by publishing their events through the PostgreSQL transport, and watch what Orders publishes on a "spy" subscription.
/// </summary>
public class OrdersHost() : ServiceHost<Program>("ordersdb")
{
    public const string SpySubscription = "spy";
    public static readonly JsonSerializerOptions Json = CreateJson();

    public NeighbourServices Neighbours { get; private set; } = null!;

    /// <summary>Settings a fixture changes (timeouts, TTLs) on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override bool UsesCache => true;

    protected override async Task StartingAsync()
    {
        Neighbours = await NeighbourServices.StartAsync();
        await Transport.EnsureTopologyAsync(
            [.. new[] { nameof(OrderPlaced), nameof(OrderPaid), nameof(OrderCancelled), nameof(OrderShipped), nameof(OrderPaymentRetried),
                nameof(OrderDelivered), nameof(OrderReviewApproved), nameof(ReturnRequested), nameof(ReturnApproved), nameof(ReturnRejected), nameof(ReturnReceived), nameof(RefundRequested) }.Select(t => new SubscriptionBinding(t, SpySubscription))],
            TestContext.Current.CancellationToken);
    }

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Orders:Products:BaseAddress"] = Neighbours.Address;
        settings["Orders:Users:BaseAddress"] = Neighbours.Address;
        settings["Orders:Risk:BaseAddress"] = Neighbours.Address;
        settings["Authentication:Client:Id"] = "orders";
        settings["Authentication:Client:Secret"] = "test-secret";
        settings["Authentication:Client:TokenEndpoint"] = Neighbours.Address + "/connect/token";
        settings["Orders:Timeouts:Pending"] = "01:00:00";
        settings["Orders:Timeouts:StockReserved"] = "01:00:00";
        settings["Orders:Timeouts:ScanInterval"] = "00:00:00.200";
        settings["Messaging:RetryDelay"] = "00:00:00.100";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Messaging:OutboxPollInterval"] = "00:00:00.200";
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Neighbours.DisposeAsync();
    }

    /// <summary>Publishes the same message (same id) again: what a broker's redelivery looks like.</summary>
    public Task RedeliverAsync(IntegrationEvent @event) => PublishAsync(@event);

    /// <summary>What Orders published about an order, read from the spy subscription's queue.</summary>
    public async Task<List<(string Type, JsonElement Body)>> PublishedAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(MessagingDatabase);
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
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT expires_at FROM carts WHERE owner_key = @k", connection);
        command.Parameters.AddWithValue("k", ownerKey);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is DateTime expiresAt ? new DateTimeOffset(expiresAt) : null;
    }

    /// <summary>Plays time passing: the stored cart now expires after <paramref name="remaining"/>.</summary>
    public async Task SetCartExpiryAsync(string ownerKey, TimeSpan remaining)
    {
        await using var connection = new NpgsqlConnection(Database);
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
