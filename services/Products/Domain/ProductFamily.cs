namespace ECommerce.Products.Domain;

/// <summary>
/// A configurable product: what a shopper sees as one item with options (colour, size…). Each variant is its own
/// <see cref="Product"/> row (SKU, price, stock, reservations, images) pointing here, so everything that sells one
/// row — stock, carts, orders, payments — works per variant unchanged. A product without a family stands alone.
/// </summary>
public sealed class ProductFamily
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public string Description { get; set; } = "";

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    public int BrandId { get; set; }

    public Brand? Brand { get; set; }

    /// <summary>The options in display order, each with its values in display order (jsonb).</summary>
    public List<ProductOption> Options { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<Product> Variants { get; set; } = [];
}

/// <summary>One option of a family and the values a variant may take, e.g. Size: S, M, L.</summary>
public sealed record ProductOption(string Name, List<string> Values);
