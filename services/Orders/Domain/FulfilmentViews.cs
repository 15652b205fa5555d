using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>A shipment as the shopper and the back office see it, with the carrier's name and tracking link.</summary>
public sealed record ShipmentView(
    Guid Id, string Carrier, string CarrierName, string TrackingNumber, string? TrackingUrl, IReadOnlyList<ShipmentLine> Lines,
    DateTimeOffset ShippedAt, DateTimeOffset? DeliveredAt)
{
    public static ShipmentView From(Shipment s) =>
        new(s.Id, s.Carrier, Carriers.Find(s.Carrier)?.Name ?? s.Carrier, s.TrackingNumber, s.TrackingUrl, s.Lines, s.ShippedAt, s.DeliveredAt);
}

/// <summary>A return and where it stands; <c>Refund</c> is what it refunds (major units) once received.</summary>
public sealed record ReturnView(
    Guid Id, ReturnStatus Status, IReadOnlyList<ReturnItem> Lines, string? Note, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt,
    string? RejectionReason, DateTimeOffset? ReceivedAt, decimal? Refund, bool RefundsShipping, DateTimeOffset? RefundedAt)
{
    public static ReturnView From(OrderReturn r, string currency) => new(
        r.Id, r.Status, r.Lines, r.Note, r.RequestedAt, r.DecidedAt, r.RejectionReason, r.ReceivedAt,
        r.RefundMinor is { } minor ? Money.FromMinor(minor, currency) : null, r.RefundsShipping, r.RefundedAt);
}
