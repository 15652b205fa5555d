using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Products.Persistence;

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> collection)
    {
        collection.ToTable("collections", t => t.HasCheckConstraint("CK_collections_min_rating", "\"MinRating\" IS NULL OR \"MinRating\" BETWEEN 1 AND 4"));
        collection.HasIndex(c => c.Slug).IsUnique();
        collection.Property(c => c.Slug).HasMaxLength(100);
        collection.Property(c => c.Title).HasMaxLength(CollectionRules.MaxTitleLength);
        collection.Property(c => c.Description).HasMaxLength(CollectionRules.MaxDescriptionLength);
        collection.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        collection.Property(c => c.Sort).HasMaxLength(32);
        // Arrays (text[] and uuid[]): a rule's few slugs and a manual list's ids are read and written whole.
        collection.Property(c => c.CategorySlugs).HasColumnType("text[]");
        collection.Property(c => c.BrandSlugs).HasColumnType("text[]");
        collection.Property(c => c.ProductIds).HasColumnType("uuid[]");
        // The home page reads the active rows shown on home, in position order.
        collection.HasIndex(c => new { c.Active, c.ShowOnHome, c.Position });
    }
}
