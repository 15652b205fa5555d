using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Fulfilment;

/// <summary>A carrier the back office can ship with.</summary>
public sealed record CarrierView(string Code, string Name, bool HasTracking);

/// <summary>How many units of one order line to pick for it; <c>OrderNumber</c> is the number on the order's paperwork.</summary>
public sealed record PickListOrder(Guid OrderId, long OrderNumber, DateTimeOffset CreatedAt, int Quantity);

/// <summary>One SKU to pick: the total across orders, and which orders want how many.</summary>
public sealed record PickListLine(Guid ProductId, string Sku, string Name, int Quantity, IReadOnlyList<PickListOrder> Orders);

/// <summary>What the warehouse has to pick: paid orders' lines still to ship, grouped by SKU.</summary>
public sealed record PickList(int OrderCount, IReadOnlyList<PickListLine> Lines);

/// <summary>A return in the back office's queue, with the number of its order (what the customer quotes).</summary>
public sealed record ReturnQueueEntry(Guid OrderId, long OrderNumber, Guid ReturnId, ReturnStatus Status, IReadOnlyList<ReturnItem> Lines, string? Note, DateTimeOffset RequestedAt);
