namespace ECommerce.Orders.Fulfilment;

/// <summary>A quantity of one order line, by product.</summary>
public sealed record ShipmentLineRequest(Guid ProductId, int Quantity);

/// <summary>Ship some lines of a paid order with a carrier (a code from <c>GET /api/orders/admin/carriers</c>) and its tracking number.</summary>
public sealed record CreateShipmentRequest(string? Carrier, string? TrackingNumber, IReadOnlyList<ShipmentLineRequest>? Lines);

/// <summary>Ship everything still to ship in one parcel (the original "mark shipped"); the carrier is optional.</summary>
public sealed record ShipOrderRequest(string? TrackingNumber, string? Carrier = null);

/// <summary>A line to return: how many units and why (one of the fixed reasons).</summary>
public sealed record ReturnLineRequest(Guid ProductId, int Quantity, string? Reason);

/// <summary>Ask to return delivered lines, with an optional note.</summary>
public sealed record RequestReturnRequest(IReadOnlyList<ReturnLineRequest>? Lines, string? Note);

/// <summary>Refuse a return, saying why.</summary>
public sealed record RejectReturnRequest(string? Reason);

/// <summary>Whether one returned line goes back on sale (true) or is written off.</summary>
public sealed record ReceivedLineRequest(Guid ProductId, bool Restock);

/// <summary>The returned items arrived: a restock choice for every line.</summary>
public sealed record ReceiveReturnRequest(IReadOnlyList<ReceivedLineRequest>? Lines);
