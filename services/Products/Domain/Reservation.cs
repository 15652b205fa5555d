namespace ECommerce.Products.Domain;

/// <summary>Stock held for one order, all lines or none. One row per order, which makes every handler idempotent.</summary>
public sealed class Reservation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public ReservationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<ReservationLine> Lines { get; set; } = [];
}

/// <summary>A quantity of one product held by a reservation.</summary>
public sealed class ReservationLine
{
    public Guid ReservationId { get; set; }

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Units of the line that left in shipments: sold, no longer reserved.</summary>
    public int Shipped { get; set; }
}

/// <summary>
/// Where a reservation stands. <see cref="Cancelled"/> without lines marks an order cancelled before it was seen,
/// so a late OrderPlaced does not hold stock for a dead order.
/// </summary>
public enum ReservationStatus
{
    Reserved,

    /// <summary>The order is paid: the units stay reserved (never expiring) until shipments turn them into sold.</summary>
    Committed,
    Released,
    Expired,
    Rejected,
    Cancelled,
}
