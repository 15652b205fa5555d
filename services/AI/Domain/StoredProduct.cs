namespace ECommerce.AI.Domain;

/// <summary>What the AI service knows of a product, kept current from ProductUpdated and ProductPriceChanged.</summary>
public sealed class StoredProduct
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public decimal Price { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>When the newest applied event occurred: older events arriving late are ignored.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
