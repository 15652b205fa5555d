using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>One line a shopper sends back, with their reason.</summary>
public sealed record ReturnLine(Guid ProductId, string Sku, int Quantity, string Reason);

/// <summary>A returned line as the warehouse received it: <c>Restock</c> puts it back on sale, otherwise it is written off.</summary>
public sealed record ReceivedReturnLine(Guid ProductId, string Sku, int Quantity, bool Restock);

/// <summary>A shopper asked to return delivered items of an order (within the return window).</summary>
[EventName("ReturnRequested")]
public sealed record ReturnRequested(Guid OrderId, string CustomerId, Guid ReturnId, IReadOnlyList<ReturnLine> Lines) : IntegrationEvent;

/// <summary>The back office accepted a return: the shopper may send the items.</summary>
[EventName("ReturnApproved")]
public sealed record ReturnApproved(Guid OrderId, string CustomerId, Guid ReturnId) : IntegrationEvent;

/// <summary>The back office refused a return, saying why.</summary>
[EventName("ReturnRejected")]
public sealed record ReturnRejected(Guid OrderId, string CustomerId, Guid ReturnId, string Reason) : IntegrationEvent;

/// <summary>
/// The returned items arrived: Products restocks the lines marked so, and the refund for them (<c>RefundMinor</c>, in the
/// order's currency's minor units) is asked of Payments by <see cref="RefundRequested"/>.
/// </summary>
[EventName("ReturnReceived")]
public sealed record ReturnReceived(
    Guid OrderId, string CustomerId, Guid ReturnId, IReadOnlyList<ReceivedReturnLine> Lines, long RefundMinor, string Currency) : IntegrationEvent;

/// <summary>
/// Orders asks Payments to refund part of a captured payment (a return). <c>RequestId</c> makes it idempotent: Payments
/// refunds once per request however often this arrives, and never more than what is left of the capture.
/// </summary>
[EventName("RefundRequested")]
public sealed record RefundRequested(Guid OrderId, Guid RequestId, long AmountMinor, string Currency, string Reason) : IntegrationEvent;
