using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Products.Persistence;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.ToTable("reviews", t => t.HasCheckConstraint("CK_reviews_rating", "\"Rating\" BETWEEN 1 AND 5"));
        review.HasKey(r => r.Id);
        review.Property(r => r.Id).ValueGeneratedNever();
        review.Property(r => r.CustomerId).HasMaxLength(200);
        review.Property(r => r.AuthorName).HasMaxLength(ReviewRules.MaxAuthorNameLength);
        review.Property(r => r.Title).HasMaxLength(ReviewRules.MaxTitleLength);
        review.Property(r => r.Body).HasMaxLength(ReviewRules.MaxBodyLength);
        review.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        review.Property(r => r.RejectionReason).HasMaxLength(ReviewRules.MaxReasonLength);
        review.Property(r => r.ModeratedBy).HasMaxLength(200);
        review.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);

        // One review per customer and product; anonymised reviews (no customer) are outside the rule.
        review.HasIndex(r => new { r.CustomerId, r.ProductId }).IsUnique().HasFilter("\"CustomerId\" IS NOT NULL");
        // The product page: its approved reviews, newest first.
        review.HasIndex(r => new { r.ProductId, r.Status, r.CreatedAt });
        // The moderation queue, oldest first.
        review.HasIndex(r => new { r.Status, r.UpdatedAt });
    }
}

internal sealed class VerifiedPurchaseConfiguration : IEntityTypeConfiguration<VerifiedPurchase>
{
    public void Configure(EntityTypeBuilder<VerifiedPurchase> purchase)
    {
        purchase.ToTable("verified_purchases");
        purchase.HasKey(p => new { p.CustomerId, p.ProductId });
        purchase.Property(p => p.CustomerId).HasMaxLength(200);
    }
}

internal sealed class ProductRatingConfiguration : IEntityTypeConfiguration<ProductRating>
{
    public void Configure(EntityTypeBuilder<ProductRating> rating)
    {
        rating.ToTable("product_ratings");
        rating.HasKey(r => r.ProductId);
        rating.Ignore(r => r.Average);
        rating.HasOne<Product>().WithOne().HasForeignKey<ProductRating>(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
