namespace ECommerce.Payments.Domain;

/// <summary>
/// An event about an order arrived before its OrderPlaced was handled. Thrown from a handler so the message is
/// redelivered with backoff, by which time OrderPlaced has normally been recorded.
/// </summary>
public sealed class PaymentNotRecordedException(Guid orderId)
    : Exception($"No payment is recorded for order {orderId} yet (OrderPlaced not handled); the message will be redelivered.")
{
    public Guid OrderId { get; } = orderId;
}
