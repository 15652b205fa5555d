using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using ECommerce.Notifications.Webhooks;

namespace ECommerce.Notifications.Ingestion;

// A return's steps, one mail each; the order (recipient, language) is read from Orders when the mail is composed.

[HandlerName("ReturnRequestedHandler")]
public sealed class ReturnRequestedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<ReturnRequested>
{
    public async Task HandleAsync(ReturnRequested @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.ReturnRequested, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId }, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

[HandlerName("ReturnApprovedHandler")]
public sealed class ReturnApprovedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<ReturnApproved>
{
    public async Task HandleAsync(ReturnApproved @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.ReturnApproved, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId }, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

[HandlerName("ReturnRejectedHandler")]
public sealed class ReturnRejectedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<ReturnRejected>
{
    public async Task HandleAsync(ReturnRejected @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.ReturnRejected, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId, Reason = @event.Reason }, cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}

[HandlerName("ReturnReceivedHandler")]
public sealed class ReturnReceivedHandler(MailQueue queue, WebhookQueue webhooks) : IIntegrationEventHandler<ReturnReceived>
{
    public async Task HandleAsync(ReturnReceived @event, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(@event.Id, MailTemplates.ReturnReceived, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId, AmountMinor = @event.RefundMinor, Currency = @event.Currency },
            cancellationToken: cancellationToken);
        await webhooks.EnqueueAsync(@event, cancellationToken);
    }
}
