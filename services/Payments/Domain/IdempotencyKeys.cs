namespace ECommerce.Payments.Domain;

/// <summary>
/// Provider idempotency keys derived from the order, so every retry, redelivery or second consumer asks the provider
/// for the same operation and gets the first answer back instead of a second charge.
/// </summary>
public static class IdempotencyKeys
{
    public static string Authorise(Guid orderId) => $"order-{orderId:N}-authorise";

    public static string Capture(Guid orderId) => $"order-{orderId:N}-capture";

    public static string CancellationRefund(Guid orderId) => $"order-{orderId:N}-refund-cancelled";

    /// <summary>An admin's refund: the client's Idempotency-Key header, or a fresh id when none was sent.</summary>
    public static string AdminRefund(Guid orderId, string clientKey) => $"order-{orderId:N}-refund-{clientKey}";
}
