namespace ECommerce.Products.Domain;

/// <summary>A node of the category tree; filtering by a category includes its descendants.</summary>
public sealed class Category
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public int? ParentId { get; set; }

    public Category? Parent { get; set; }
}
