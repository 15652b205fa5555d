using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using ECommerce.Notifications.Webhooks;

namespace ECommerce.Notifications.Ingestion;

// An order's life, one mail per event. Each handler only queues (inside the inbox's transaction); the sender reads the
// order from Orders when it composes the mail, so a slow or absent Orders delays a mail but never loses an event.

/// <summary>The order is paid: the confirmation with lines, totals, address and delivery estimate.</summary>
[HandlerName("OrderPaidHandler")]
public sealed class OrderPaidHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<OrderPaid>
{
    public async Task HandleAsync(OrderPaid @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.OrderConfirmation, @event.CustomerId, @event.OrderId, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

/// <summary>The payment did not go through: say so, and whether paying again with another card can still work.</summary>
[HandlerName("PaymentFailedHandler")]
public sealed class PaymentFailedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<PaymentFailed>
{
    public async Task HandleAsync(PaymentFailed @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.PaymentFailed, null, @event.OrderId,
            new MailData { Reason = @event.Reason, CanRetry = @event.CanRetry }, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

/// <summary>A shipment left: carrier, tracking number and link.</summary>
[HandlerName("OrderShippedHandler")]
public sealed class OrderShippedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<OrderShipped>
{
    public async Task HandleAsync(OrderShipped @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.OrderShipped, @event.CustomerId, @event.OrderId,
            new MailData { TrackingNumber = @event.TrackingNumber, Carrier = @event.Carrier, TrackingUrl = @event.TrackingUrl, OrderComplete = @event.OrderComplete },
            cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

/// <summary>Everything arrived.</summary>
[HandlerName("OrderDeliveredHandler")]
public sealed class OrderDeliveredHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<OrderDelivered>
{
    public async Task HandleAsync(OrderDelivered @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.OrderDelivered, @event.CustomerId, @event.OrderId,
            new MailData { At = @event.DeliveredAt }, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

/// <summary>Money went back to the shopper (a cancelled paid order or a return): the amount refunded.</summary>
[HandlerName("PaymentRefundedHandler")]
public sealed class PaymentRefundedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.RefundIssued, null, @event.OrderId,
            new MailData { AmountMinor = @event.AmountMinor, Currency = @event.Currency }, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}
