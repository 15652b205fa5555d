using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.Transport;
using ECommerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ECommerce.Orders.Benchmarks;

/// <summary>
/// Orders alone, for when Products and Payments are not running: the real service on throwaway PostgreSQL and Redis,
/// a loopback lookup endpoint for prices, and two instant responders on the PostgreSQL transport that play Products
/// (OrderPlaced → StockReserved) and Payments (StockReserved → PaymentSucceeded), so every broker hop of the real
/// choreography is taken but the other services' own work is not.
/// </summary>
public sealed class SelfHostedOrders : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _disposables = [];

    public HttpClient Client { get; private set; } = null!;

    public Guid ProductId { get; } = Guid.NewGuid();

    /// <summary>The Orders service's own services (its DbContext, for <see cref="OrderLoadRun"/>).</summary>
    public IServiceProvider Services { get; private set; } = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var postgres = await PostgresServer.GetAsync();
        var redis = await RedisServer.GetAsync();
        var ordersDb = await postgres.CreateDatabaseAsync("ordersdb");
        var messagingDb = await postgres.CreateDatabaseAsync("messaging");

        var lookup = WebApplication.CreateSlimBuilder();
        lookup.WebHost.UseUrls("http://127.0.0.1:0");
        lookup.Logging.SetMinimumLevel(LogLevel.Warning);
        var products = lookup.Build();
        products.MapPost("/api/products/lookup", () => Results.Json(new[]
        {
            new { id = ProductId, sku = "BENCH-1", name = "Benchmark product", slug = "benchmark-product", price = 19.99m, currency = "GBP", available = 1000, active = true, imageUrl = (string?)null },
        }));
        await products.StartAsync(cancellationToken);
        _disposables.Add(products);

        var transport = new PostgresTransport(messagingDb);
        _disposables.Add(transport);
        _disposables.Add(await transport.SubscribeAsync(new SubscriptionSettings("bench-products", [nameof(OrderPlaced)]) { MaxConcurrency = 16 },
            (m, ct) => Publish(transport, new StockReserved(Read<OrderPlaced>(m).OrderId, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)), ct), cancellationToken));
        _disposables.Add(await transport.SubscribeAsync(new SubscriptionSettings("bench-payments", [nameof(StockReserved)]) { MaxConcurrency = 16 },
            (m, ct) => Publish(transport, new PaymentSucceeded(Read<StockReserved>(m).OrderId, Guid.NewGuid(), 2999, "GBP"), ct), cancellationToken));

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            // Outside a test project there is no content-root manifest; the service needs no files from it.
            .UseContentRoot(AppContext.BaseDirectory)
            .UseSetting("ConnectionStrings:ordersdb", ordersDb)
            .UseSetting("ConnectionStrings:messaging", messagingDb)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
            .UseSetting("Orders:Products:BaseAddress", products.Urls.First())
            .UseSetting("Orders:Users:BaseAddress", products.Urls.First())
            .UseSetting("OrderAccess:SigningKey", TestOrderAccess.SigningKey)
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .ConfigureServices(services => services.TrustTestTokens()));
        _disposables.Add(factory);
        Client = factory.CreateClient();
        Services = factory.Services;
        Client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Customer($"bench-{Guid.NewGuid():N}"));
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    private static T Read<T>(ReceivedMessage message) where T : IntegrationEvent => (T)EventSerializer.Deserialize(message.Message, typeof(T));

    private static Task Publish(IMessageTransport transport, IntegrationEvent @event, CancellationToken cancellationToken) =>
        transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [EventSerializer.Serialize(@event)], cancellationToken);
}
