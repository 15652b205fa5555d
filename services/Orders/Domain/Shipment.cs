namespace ECommerce.Orders.Domain;

/// <summary>A parcel of an order that left the warehouse: some or all of its lines, with the carrier's tracking.</summary>
public sealed class Shipment
{
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    /// <summary>A <see cref="Carriers"/> code.</summary>
    public string Carrier { get; set; } = "";

    public string TrackingNumber { get; set; } = "";

    public string? TrackingUrl { get; set; }

    public List<ShipmentLine> Lines { get; set; } = [];

    public DateTimeOffset ShippedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>A quantity of one order line in a shipment.</summary>
public sealed record ShipmentLine(Guid ProductId, string Sku, int Quantity);
