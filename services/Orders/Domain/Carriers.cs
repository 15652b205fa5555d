namespace ECommerce.Orders.Domain;

/// <summary>A carrier the warehouse hands parcels to, and how a shopper follows a parcel on its public site.</summary>
public sealed record Carrier(string Code, string Name, string? TrackingUrlPattern)
{
    /// <summary>The public tracking page of one parcel; null for a carrier without one.</summary>
    public string? TrackingUrl(string trackingNumber) =>
        TrackingUrlPattern?.Replace("{0}", Uri.EscapeDataString(trackingNumber), StringComparison.Ordinal);
}

/// <summary>The carriers the back office can choose, by code. <c>other</c> ships without a tracking link.</summary>
public static class Carriers
{
    public const string Other = "other";

    public static readonly IReadOnlyList<Carrier> All =
    [
        new("royal-mail", "Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/{0}"),
        new("dpd", "DPD", "https://track.dpd.co.uk/parcels/{0}"),
        new("dhl", "DHL", "https://www.dhl.com/gb-en/home/tracking/tracking-parcel.html?submit=1&tracking-id={0}"),
        new("ups", "UPS", "https://www.ups.com/track?tracknum={0}"),
        new("evri", "Evri", "https://www.evri.com/track/parcel/{0}"),
        new(Other, "Other carrier", null),
    ];

    public static Carrier? Find(string? code) => All.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
