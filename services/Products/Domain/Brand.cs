namespace ECommerce.Products.Domain;

/// <summary>The maker or label a product is sold under.</summary>
public sealed class Brand
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }
}
