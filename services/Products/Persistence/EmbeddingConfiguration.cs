using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Products.Persistence;

internal sealed class ProductEmbeddingConfiguration : IEntityTypeConfiguration<ProductEmbedding>
{
    public void Configure(EntityTypeBuilder<ProductEmbedding> embedding)
    {
        // real[]: no pgvector on the servers this runs on; the similarity search is the in-memory index's, not SQL's.
        embedding.ToTable("product_embeddings");
        embedding.HasKey(e => e.ProductId);
        embedding.Property(e => e.Model).HasMaxLength(100);
        embedding.Property(e => e.TextHash).HasMaxLength(64);
        // Each replica's index refresh reads the rows changed since its last look.
        embedding.HasIndex(e => e.UpdatedAt);
        embedding.HasOne<Product>().WithOne().HasForeignKey<ProductEmbedding>(e => e.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
