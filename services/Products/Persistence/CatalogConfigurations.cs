using System.Text.Json;
using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ECommerce.Products.Persistence;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("products");
        product.HasIndex(p => p.Sku).IsUnique();
        product.HasIndex(p => p.Slug).IsUnique();
        product.Property(p => p.Sku).HasMaxLength(64);
        product.Property(p => p.Name).HasMaxLength(200);
        product.Property(p => p.Slug).HasMaxLength(100);
        product.Property(p => p.Description).HasMaxLength(4000);
        product.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        product.Property(p => p.TaxClass).HasMaxLength(16);
        product.Property(p => p.Attributes).HasColumnType("jsonb").HasConversion(JsonbDictionary.Converter, JsonbDictionary.Comparer);
        product.Property(p => p.OptionValues).HasColumnType("jsonb").HasConversion(JsonbDictionary.Converter, JsonbDictionary.Comparer)
            .HasDefaultValueSql("'{}'::jsonb");
        // The facets' keys, generated from the option values so they can be grouped and filtered as plain columns.
        product.Property(p => p.ColourValue).HasMaxLength(40)
            .HasComputedColumnSql("lower(coalesce(\"OptionValues\" ->> 'Colour', \"OptionValues\" ->> 'Color'))", stored: true);
        product.Property(p => p.SizeValue).HasMaxLength(40)
            .HasComputedColumnSql("lower(\"OptionValues\" ->> 'Size')", stored: true);
        product.Property(p => p.Version).IsRowVersion();

        // Name outranks description; english stemming makes "hearts" find "heart". Generated, so it can never drift.
        product.Property(p => p.SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english', coalesce(\"Name\", '')), 'A') || setweight(to_tsvector('english', coalesce(\"Description\", '')), 'B')",
                stored: true);
        product.HasIndex(p => p.SearchVector).HasMethod("gin");
        // Trigram index for misspellings ("hart") and autocomplete prefixes.
        product.HasIndex(p => p.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_products_Name_trgm");

        // One index per keyset sort: (key, id) so each page is an index range scan.
        product.HasIndex(p => new { p.CreatedAt, p.Id });
        product.HasIndex(p => new { p.Price, p.Id });
        product.HasIndex(p => p.CategoryId);
        product.HasIndex(p => p.BrandId);
        // A family's variants are found by it on every collapsed list row and product page.
        product.HasIndex(p => p.FamilyId);
        product.HasIndex(p => p.ColourValue);
        product.HasIndex(p => p.SizeValue);
        product.HasOne(p => p.Family).WithMany(f => f.Variants).HasForeignKey(p => p.FamilyId).OnDelete(DeleteBehavior.Restrict);

        product.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        product.HasOne(p => p.Brand).WithMany().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.Restrict);
        product.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.HasOne(p => p.Stock).WithOne().HasForeignKey<StockItem>(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductFamilyConfiguration : IEntityTypeConfiguration<ProductFamily>
{
    public void Configure(EntityTypeBuilder<ProductFamily> family)
    {
        family.ToTable("product_families");
        family.HasIndex(f => f.Slug).IsUnique();
        family.Property(f => f.Name).HasMaxLength(200);
        family.Property(f => f.Slug).HasMaxLength(100);
        family.Property(f => f.Description).HasMaxLength(4000);
        family.Property(f => f.Options).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<ProductOption>>(v, JsonSerializerOptions.Web) ?? new List<ProductOption>(),
            new ValueComparer<List<ProductOption>>(
                (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                v => v.Select(o => new ProductOption(o.Name, o.Values.ToList())).ToList()));
        family.HasOne(f => f.Category).WithMany().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Restrict);
        family.HasOne(f => f.Brand).WithMany().HasForeignKey(f => f.BrandId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A string map stored as jsonb through System.Text.Json (Npgsql's dynamic JSON mapping would need a custom data source).</summary>
internal static class JsonbDictionary
{
    public static readonly ValueConverter<Dictionary<string, string>, string> Converter = new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, string>());

    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        v => new Dictionary<string, string>(v));
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("categories");
        category.HasIndex(c => c.Slug).IsUnique();
        category.Property(c => c.Name).HasMaxLength(100);
        category.Property(c => c.Slug).HasMaxLength(100);
        category.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> brand)
    {
        brand.ToTable("brands");
        brand.HasIndex(b => b.Slug).IsUnique();
        brand.Property(b => b.Name).HasMaxLength(100);
        brand.Property(b => b.Slug).HasMaxLength(100);
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> image)
    {
        image.ToTable("product_images");
        image.Property(i => i.FileName).HasMaxLength(100);
        image.Property(i => i.ContentType).HasMaxLength(50);
        image.Property(i => i.Alt).HasMaxLength(ProductImage.MaxAltLength);
        image.HasIndex(i => i.FileName).IsUnique();
        // Rows from before renditions read as "no renditions" (a single file), never null.
        image.Property(i => i.Renditions).HasDefaultValueSql("'{}'::text[]");
    }
}
