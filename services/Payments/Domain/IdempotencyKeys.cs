namespace ECommerce.Payments.Domain;

/// <summary>
/// Provider idempotency keys derived from the order, so every retry, redelivery or second consumer asks the provider
/// for the same operation and gets the first answer back instead of a second charge.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>Attempt 1 keeps the key payments had before retries existed; each retry is a new intent with its own key.</summary>
    public static string Authorise(Guid orderId, int attempt = 1) => attempt == 1 ? $"order-{orderId:N}-authorise" : $"order-{orderId:N}-authorise-{attempt}";

    public static string Capture(Guid orderId, int attempt = 1) => attempt == 1 ? $"order-{orderId:N}-capture" : $"order-{orderId:N}-capture-{attempt}";

    public static string CancellationRefund(Guid orderId) => $"order-{orderId:N}-refund-cancelled";

    /// <summary>A refund Orders asked for (RefundRequested): one per request id.</summary>
    public static string RequestedRefund(Guid orderId, Guid requestId) => $"order-{orderId:N}-refund-request-{requestId:N}";

    /// <summary>An admin's refund: the client's Idempotency-Key header, or a fresh id when none was sent.</summary>
    public static string AdminRefund(Guid orderId, string clientKey) => $"order-{orderId:N}-refund-{clientKey}";
}
