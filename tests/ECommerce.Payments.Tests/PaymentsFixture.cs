using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Transport;
using ECommerce.Payments.Persistence;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Payments.Tests;

/// <summary>
/// One Payments service per test run (a <see cref="ServiceHost{TProgram}"/>), in simulated mode, on its own database of
/// the shared test PostgreSQL server, consuming from and publishing to the real PostgreSQL message transport. A stand-in "orders" subscription collects
/// what Payments publishes, as Orders would receive it.
/// </summary>
public sealed class PaymentsFixture() : ServiceHost<Program>("paymentsdb")
{
    public const string WebhookSecret = "whsec_test_payments_fixture_secret";
    public static readonly TimeSpan DelayedFailureAfter = TimeSpan.FromSeconds(3);

    /// <summary>The service's JSON: web defaults with enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private IAsyncDisposable? _ordersSubscription;

    /// <summary>Everything Payments published, as the orders subscription received it.</summary>
    public ConcurrentQueue<IntegrationEvent> Published { get; } = new();

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Messaging:RetryDelay"] = "00:00:00.200";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Payments:Stripe:WebhookSecret"] = WebhookSecret;
        settings["Payments:Simulated:DelayedFailureAfter"] = DelayedFailureAfter.ToString();
    }

    protected override async Task StartedAsync()
    {
        var topics = new[] { nameof(PaymentSucceeded), nameof(PaymentFailed), nameof(PaymentRefunded), nameof(PaymentAuthorised) };
        var types = new Dictionary<string, Type>
        {
            [topics[0]] = typeof(PaymentSucceeded),
            [topics[1]] = typeof(PaymentFailed),
            [topics[2]] = typeof(PaymentRefunded),
            [topics[3]] = typeof(PaymentAuthorised),
        };
        _ordersSubscription = await Transport.SubscribeAsync(new SubscriptionSettings("orders", topics), (received, _) =>
        {
            Published.Enqueue(EventSerializer.Deserialize(received.Message, types[received.Message.Type]));
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_ordersSubscription is not null)
        {
            await _ordersSubscription.DisposeAsync();
        }

        await base.DisposeAsync();
    }

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

    public PaymentsDbContext Db() => new(new DbContextOptionsBuilder<PaymentsDbContext>().UseNpgsql(Database).Options);

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
