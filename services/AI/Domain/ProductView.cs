namespace ECommerce.AI.Domain;

/// <summary>A product view from the storefront, at most one per visitor, product and hour.</summary>
public sealed class ProductView
{
    public long Id { get; set; }

    /// <summary>The customer's id when signed in, else the storefront's anonymous visitor id.</summary>
    public string VisitorId { get; set; } = "";

    public Guid ProductId { get; set; }

    public DateTimeOffset ViewedAt { get; set; }

    /// <summary>The hour of the view: the unique key that turns repeated views into one row.</summary>
    public DateTimeOffset Hour { get; set; }
}
