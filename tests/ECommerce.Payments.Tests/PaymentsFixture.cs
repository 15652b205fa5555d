using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Transport;
using ECommerce.Payments.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Payments.Tests;

/// <summary>
/// One Payments service per test run, in simulated mode, on its own database of the shared test PostgreSQL server,
/// consuming from and publishing to the real PostgreSQL message transport. A stand-in "orders" subscription collects
/// what Payments publishes, as Orders would receive it.
/// </summary>
public sealed class PaymentsFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_payments_fixture_secret";
    public static readonly TimeSpan DelayedFailureAfter = TimeSpan.FromSeconds(3);

    /// <summary>The service's JSON: web defaults with enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private IAsyncDisposable? _ordersSubscription;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public IMessageTransport Transport { get; private set; } = null!;

    public string PaymentsDb { get; private set; } = "";

    /// <summary>Everything Payments published, as the orders subscription received it.</summary>
    public ConcurrentQueue<IntegrationEvent> Published { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        PaymentsDb = await server.CreateDatabaseAsync("payments");
        var messagingDb = await server.CreateDatabaseAsync("messaging");

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:paymentsdb", PaymentsDb)
            .UseSetting("ConnectionStrings:messaging", messagingDb)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("Messaging:RetryDelay", "00:00:00.200")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("Payments:Stripe:WebhookSecret", WebhookSecret)
            .UseSetting("Payments:Simulated:DelayedFailureAfter", DelayedFailureAfter.ToString())
            .ConfigureServices(services => services.TrustTestTokens()));
        _ = Factory.Server; // starts the host: schema, outbox dispatcher and the payments subscription

        Transport = MessagingTransports.Create(MessagingTransports.Postgres, messagingDb);
        var topics = new[] { nameof(PaymentSucceeded), nameof(PaymentFailed), nameof(PaymentRefunded) };
        var types = new Dictionary<string, Type> { [topics[0]] = typeof(PaymentSucceeded), [topics[1]] = typeof(PaymentFailed), [topics[2]] = typeof(PaymentRefunded) };
        _ordersSubscription = await Transport.SubscribeAsync(new SubscriptionSettings("orders", topics), (received, _) =>
        {
            Published.Enqueue(EventSerializer.Deserialize(received.Message, types[received.Message.Type]));
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ordersSubscription is not null)
        {
            await _ordersSubscription.DisposeAsync();
        }

        await Transport.DisposeAsync();
        await Factory.DisposeAsync();
    }

    public Task PublishAsync(IntegrationEvent @event) =>
        Transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [EventSerializer.Serialize(@event)], TestContext.Current.CancellationToken);

    /// <summary>Delivers an event straight to the service's inbox handling, as one consumer of the subscription would.</summary>
    public Task DeliverAsync(IntegrationEvent @event)
    {
        var host = Factory.Services.GetRequiredService<SubscriptionHost<PaymentsDbContext>>();
        var message = EventSerializer.Serialize(@event);
        return host.HandleAsync(new ReceivedMessage(message, message.Type, "payments", 1), TestContext.Current.CancellationToken);
    }

    public async Task<T> WaitForPublishedAsync<T>(Func<T, bool> match, TimeSpan? timeout = null) where T : IntegrationEvent
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Published.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {typeof(T).Name} was published in time.");
            }

            await Task.Delay(25);
        }
    }

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public PaymentsDbContext Db() => new(new DbContextOptionsBuilder<PaymentsDbContext>().UseNpgsql(PaymentsDb).Options);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsFixture>
{
    public const string Name = "payments";
}
