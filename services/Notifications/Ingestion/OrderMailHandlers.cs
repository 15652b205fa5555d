using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;

namespace ECommerce.Notifications.Ingestion;

// An order's life, one mail per event. Each handler only queues (inside the inbox's transaction); the sender reads the
// order from Orders when it composes the mail, so a slow or absent Orders delays a mail but never loses an event.

/// <summary>The order is paid: the confirmation with lines, totals, address and delivery estimate.</summary>
[HandlerName("OrderPaidHandler")]
public sealed class OrderPaidHandler(MailQueue queue) : IIntegrationEventHandler<OrderPaid>
{
    public Task HandleAsync(OrderPaid @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.OrderConfirmation, @event.CustomerId, @event.OrderId, cancellationToken: cancellationToken);
}

/// <summary>The payment did not go through: say so, and whether paying again with another card can still work.</summary>
[HandlerName("PaymentFailedHandler")]
public sealed class PaymentFailedHandler(MailQueue queue) : IIntegrationEventHandler<PaymentFailed>
{
    public Task HandleAsync(PaymentFailed @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.PaymentFailed, null, @event.OrderId,
            new MailData { Reason = @event.Reason, CanRetry = @event.CanRetry }, cancellationToken: cancellationToken);
}

/// <summary>A shipment left: carrier, tracking number and link.</summary>
[HandlerName("OrderShippedHandler")]
public sealed class OrderShippedHandler(MailQueue queue) : IIntegrationEventHandler<OrderShipped>
{
    public Task HandleAsync(OrderShipped @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.OrderShipped, @event.CustomerId, @event.OrderId,
            new MailData { TrackingNumber = @event.TrackingNumber, Carrier = @event.Carrier, TrackingUrl = @event.TrackingUrl, OrderComplete = @event.OrderComplete },
            cancellationToken: cancellationToken);
}

/// <summary>Everything arrived.</summary>
[HandlerName("OrderDeliveredHandler")]
public sealed class OrderDeliveredHandler(MailQueue queue) : IIntegrationEventHandler<OrderDelivered>
{
    public Task HandleAsync(OrderDelivered @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.OrderDelivered, @event.CustomerId, @event.OrderId,
            new MailData { At = @event.DeliveredAt }, cancellationToken: cancellationToken);
}

/// <summary>Money went back to the shopper (a cancelled paid order or a return): the amount refunded.</summary>
[HandlerName("PaymentRefundedHandler")]
public sealed class PaymentRefundedHandler(MailQueue queue) : IIntegrationEventHandler<PaymentRefunded>
{
    public Task HandleAsync(PaymentRefunded @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.RefundIssued, null, @event.OrderId,
            new MailData { AmountMinor = @event.AmountMinor, Currency = @event.Currency }, cancellationToken: cancellationToken);
}
