namespace ECommerce.Orders.Domain;

/// <summary>A product in a cart with the catalog data last seen for it.</summary>
public sealed class CartLine
{
    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    /// <summary>The variant's options as shoppers read them ("Blue / M"); null for a product without variants.</summary>
    public string? VariantLabel { get; set; }

    public string? ImageUrl { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>The price as last refreshed from Products.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>The price the shopper saw when they last chose this line's quantity; a difference is shown to them.</summary>
    public decimal PriceWhenAdded { get; set; }

    public bool Available { get; set; }

    public bool Active { get; set; }
}
