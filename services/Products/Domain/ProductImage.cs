namespace ECommerce.Products.Domain;

/// <summary>An image of a product; <see cref="FileName"/> is the name the image store knows it by.</summary>
public sealed class ProductImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int SortOrder { get; set; }
}
