using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;

namespace ECommerce.Notifications.Ingestion;

// A return's steps, one mail each; the order (recipient, language) is read from Orders when the mail is composed.

[HandlerName("ReturnRequestedHandler")]
public sealed class ReturnRequestedHandler(MailQueue queue) : IIntegrationEventHandler<ReturnRequested>
{
    public Task HandleAsync(ReturnRequested @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.ReturnRequested, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId }, cancellationToken: cancellationToken);
}

[HandlerName("ReturnApprovedHandler")]
public sealed class ReturnApprovedHandler(MailQueue queue) : IIntegrationEventHandler<ReturnApproved>
{
    public Task HandleAsync(ReturnApproved @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.ReturnApproved, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId }, cancellationToken: cancellationToken);
}

[HandlerName("ReturnRejectedHandler")]
public sealed class ReturnRejectedHandler(MailQueue queue) : IIntegrationEventHandler<ReturnRejected>
{
    public Task HandleAsync(ReturnRejected @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.ReturnRejected, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId, Reason = @event.Reason }, cancellationToken: cancellationToken);
}

[HandlerName("ReturnReceivedHandler")]
public sealed class ReturnReceivedHandler(MailQueue queue) : IIntegrationEventHandler<ReturnReceived>
{
    public Task HandleAsync(ReturnReceived @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.ReturnReceived, @event.CustomerId, @event.OrderId,
            new MailData { ReturnId = @event.ReturnId, AmountMinor = @event.RefundMinor, Currency = @event.Currency },
            cancellationToken: cancellationToken);
}
