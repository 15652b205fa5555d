using System.Reflection;
using ECommerce.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Messaging.Tests;

/// <summary>
/// The names on the wire and in the inbox are a deployed system's state: topics, subscriptions and queue rows carry the
/// event names, inbox rows the handler names. These pins fail when a name changes, whatever happens to the classes.
/// </summary>
public sealed class MessageNamesTests
{
    private static readonly Dictionary<string, string> PinnedEvents = new()
    {
        ["OrderPlaced"] = "OrderPlaced",
        ["OrderPaid"] = "OrderPaid",
        ["OrderCancelled"] = "OrderCancelled",
        ["OrderShipped"] = "OrderShipped",
        ["OrderPaymentRetried"] = "OrderPaymentRetried",
        ["OrderDelivered"] = "OrderDelivered",
        ["ReturnRequested"] = "ReturnRequested",
        ["ReturnApproved"] = "ReturnApproved",
        ["ReturnRejected"] = "ReturnRejected",
        ["ReturnReceived"] = "ReturnReceived",
        ["RefundRequested"] = "RefundRequested",
        ["PasswordResetRequested"] = "PasswordResetRequested",
        ["EmailConfirmationRequested"] = "EmailConfirmationRequested",
        ["PaymentSucceeded"] = "PaymentSucceeded",
        ["PaymentFailed"] = "PaymentFailed",
        ["PaymentAuthorised"] = "PaymentAuthorised",
        ["OrderReviewApproved"] = "OrderReviewApproved",
        ["PaymentRefunded"] = "PaymentRefunded",
        ["StockReserved"] = "StockReserved",
        ["StockRejected"] = "StockRejected",
        ["StockReleased"] = "StockReleased",
        ["ProductPriceChanged"] = "ProductPriceChanged",
        ["ProductUpdated"] = "ProductUpdated",
        ["UserRegistered"] = "UserRegistered",
        ["UserDeleted"] = "UserDeleted",
        ["EmailVerified"] = "EmailVerified",
    };

    /// <summary>Service assembly, handler class → inbox key.</summary>
    private static readonly string[] PinnedHandlers =
    [
        "ECommerce.AI OrderCancelledHandler -> OrderCancelledHandler",
        "ECommerce.AI OrderPaidHandler -> OrderPaidHandler",
        "ECommerce.AI ProductPriceChangedHandler -> ProductPriceChangedHandler",
        "ECommerce.AI ProductUpdatedHandler -> ProductUpdatedHandler",
        "ECommerce.Auth UserDeletedHandler -> UserDeletedHandler",
        "ECommerce.Orders EmailVerifiedHandler -> EmailVerifiedHandler",
        "ECommerce.Orders PaymentAuthorisedHandler -> PaymentAuthorisedHandler",
        "ECommerce.Orders PaymentFailedHandler -> PaymentFailedHandler",
        "ECommerce.Orders PaymentRefundedHandler -> PaymentRefundedHandler",
        "ECommerce.Orders PaymentSucceededHandler -> PaymentSucceededHandler",
        "ECommerce.Notifications EmailConfirmationRequestedHandler -> EmailConfirmationRequestedHandler",
        "ECommerce.Notifications OrderDeliveredHandler -> OrderDeliveredHandler",
        "ECommerce.Notifications OrderPaidHandler -> OrderPaidHandler",
        "ECommerce.Notifications OrderShippedHandler -> OrderShippedHandler",
        "ECommerce.Notifications PasswordResetRequestedHandler -> PasswordResetRequestedHandler",
        "ECommerce.Notifications PaymentFailedHandler -> PaymentFailedHandler",
        "ECommerce.Notifications PaymentRefundedHandler -> PaymentRefundedHandler",
        "ECommerce.Notifications ReturnApprovedHandler -> ReturnApprovedHandler",
        "ECommerce.Notifications ReturnReceivedHandler -> ReturnReceivedHandler",
        "ECommerce.Notifications ReturnRejectedHandler -> ReturnRejectedHandler",
        "ECommerce.Notifications ReturnRequestedHandler -> ReturnRequestedHandler",
        "ECommerce.Notifications UserDeletedHandler -> UserDeletedHandler",
        "ECommerce.Notifications UserRegisteredHandler -> UserRegisteredHandler",
        "ECommerce.Orders StockRejectedHandler -> StockRejectedHandler",
        "ECommerce.Orders StockReservedHandler -> StockReservedHandler",
        "ECommerce.Orders UserDeletedHandler -> UserDeletedHandler",
        "ECommerce.Payments EmailVerifiedHandler -> EmailVerifiedHandler",
        "ECommerce.Payments OrderCancelledHandler -> OrderCancelledHandler",
        "ECommerce.Payments OrderPaymentRetriedHandler -> OrderPaymentRetriedHandler",
        "ECommerce.Payments OrderPlacedHandler -> OrderPlacedHandler",
        "ECommerce.Payments OrderReviewApprovedHandler -> OrderReviewApprovedHandler",
        "ECommerce.Payments RefundRequestedHandler -> RefundRequestedHandler",
        "ECommerce.Payments StockReservedHandler -> StockReservedHandler",
        "ECommerce.Products OrderCancelledHandler -> OrderCancelledHandler",
        "ECommerce.Products OrderPaidHandler -> OrderPaidHandler",
        "ECommerce.Products OrderPlacedHandler -> OrderPlacedHandler",
        "ECommerce.Products OrderShippedHandler -> OrderShippedHandler",
        "ECommerce.Products ProductEmbeddingHandler -> ProductEmbeddingHandler",
        "ECommerce.Products ReturnReceivedHandler -> ReturnReceivedHandler",
        "ECommerce.Products UserDeletedHandler -> UserDeletedHandler",
        "ECommerce.Users UserDeletedHandler -> UserDeletedHandler",
        "ECommerce.Users UserRegisteredHandler -> UserRegisteredHandler",
    ];

    private static readonly Assembly[] Services =
    [
        typeof(ECommerce.AI.Ingestion.OrderPaidHandler).Assembly,
        typeof(ECommerce.Auth.Accounts.UserDeletedHandler).Assembly,
        typeof(ECommerce.Notifications.Ingestion.OrderPaidHandler).Assembly,
        typeof(ECommerce.Orders.Lifecycle.StockReservedHandler).Assembly,
        typeof(ECommerce.Payments.Charging.StockReservedHandler).Assembly,
        typeof(ECommerce.Products.Inventory.OrderPlacedHandler).Assembly,
        typeof(ECommerce.Users.Ingestion.UserDeletedHandler).Assembly,
    ];

    [Fact]
    public void Every_contract_event_keeps_its_name_on_the_wire()
    {
        var events = typeof(OrderPlaced).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract)
            .ToDictionary(t => t.Name, MessageNames.OfEvent);

        Assert.Equal(PinnedEvents.OrderBy(p => p.Key), events.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_handler_keeps_its_inbox_key()
    {
        var handlers = Services.SelectMany(a => a.GetTypes()
                .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)))
                .Select(t => $"{a.GetName().Name} {t.Name} -> {MessageNames.OfHandler(t)}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(PinnedHandlers.Order(StringComparer.Ordinal), handlers);
    }

    [Fact]
    public void No_two_contract_events_share_a_name()
    {
        var events = typeof(OrderPlaced).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract);

        MessageNames.EnsureUnique(events, MessageNames.OfEvent, "event");
    }

    [Fact]
    public void A_renamed_class_keeps_its_name()
    {
        Assert.Equal("renamed.event", EventSerializer.TopicOf(typeof(ClassNameChanged)));
        Assert.Equal("renamed.event", EventSerializer.Serialize(new ClassNameChanged()).Type);
    }

    [Fact]
    public void Two_events_sharing_a_name_fail_the_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            Build(m => m.Subscribe<SameNameA, SameNameAHandler>().Subscribe<SameNameB, SameNameBHandler>()));

        Assert.Contains("share a name", e.Message, StringComparison.Ordinal);
        Assert.Contains("'same.event'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_sharing_a_name_fail_the_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            Build(m => m.Subscribe<TestOrderPlaced, TestOrderPlacedHandler>().Subscribe<ClassNameChanged, SameInboxKeyHandler>()));

        Assert.Contains("'TestOrderPlacedHandler'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_a_name_fails_the_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(m => m.Subscribe<Unnamed, UnnamedHandler>()));

        Assert.Contains("[EventName", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Messaging:Transport is missing")]
    [InlineData("rabbit", "Messaging:Transport is 'rabbit'")]
    public async Task A_missing_or_unknown_transport_fails_the_start_naming_the_setting(string? transport, string expected)
    {
        using var host = Build(m => m.Subscribe<TestOrderPlaced, TestOrderPlacedHandler>(), transport);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", typeof(Postgres.PostgresTransport))]
    [InlineData("ServiceBus", typeof(ServiceBus.ServiceBusTransport))]
    public async Task The_setting_chooses_the_transport(string transport, Type expected)
    {
        // Neither transport connects until used, so a made-up broker address is enough.
        var connection = expected == typeof(Postgres.PostgresTransport)
            ? "Host=127.0.0.1;Port=1;Database=none"
            : "Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5";
        await using var created = MessagingTransports.Create(transport, connection);

        Assert.IsType(expected, created);
    }

    private static IHost Build(Action<MessagingBuilder<TestDbContext>> subscribe, string? transport = "postgres")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ECommerce.Svc" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = "Host=127.0.0.1;Port=1;Database=none",
            ["Messaging:Transport"] = transport,
        });
        builder.Services.AddDbContext<TestDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Database=none"));
        builder.AddMessaging(subscribe);
        return builder.Build();
    }

    [EventName("renamed.event")]
    private sealed record ClassNameChanged : IntegrationEvent;

    [EventName("same.event")]
    private sealed record SameNameA : IntegrationEvent;

    [EventName("same.event")]
    private sealed record SameNameB : IntegrationEvent;

    private sealed record Unnamed : IntegrationEvent;

    [HandlerName("same-a")]
    private sealed class SameNameAHandler : IIntegrationEventHandler<SameNameA>
    {
        public Task HandleAsync(SameNameA @event, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [HandlerName("same-b")]
    private sealed class SameNameBHandler : IIntegrationEventHandler<SameNameB>
    {
        public Task HandleAsync(SameNameB @event, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [HandlerName("TestOrderPlacedHandler")]
    private sealed class SameInboxKeyHandler : IIntegrationEventHandler<ClassNameChanged>
    {
        public Task HandleAsync(ClassNameChanged @event, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [HandlerName("unnamed")]
    private sealed class UnnamedHandler : IIntegrationEventHandler<Unnamed>
    {
        public Task HandleAsync(Unnamed @event, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
