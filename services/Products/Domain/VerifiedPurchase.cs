namespace ECommerce.Products.Domain;

/// <summary>A customer had a paid order of a product: what entitles them to review it. Recorded from OrderPaid.</summary>
public sealed class VerifiedPurchase
{
    public required string CustomerId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>When the first paid order of it was recorded; later orders leave it unchanged.</summary>
    public DateTimeOffset FirstPaidAt { get; set; }
}
