using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Reviews;

/// <summary>What became of a shopper's write.</summary>
public enum ReviewWrite
{
    Created,
    Updated,
    NoProduct,
    NotPurchaser,
}

/// <summary>
/// Reviews and the rating they add up to. Every change that can move a product's rating (an edit, a deletion, a
/// moderation) runs in one transaction that also recomputes the product's <see cref="ProductRating"/>, and evicts the
/// cached product page after it commits.
/// </summary>
public sealed class ReviewService(ProductsDbContext db, CatalogCache cache, TimeProvider clock)
{
    public async Task<ReviewPage?> PublicPageAsync(Guid productId, ReviewPosition? after, int limit, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.Active, ct))
        {
            return null;
        }

        var approved = db.Reviews.AsNoTracking().Where(r => r.ProductId == productId && r.Status == ReviewStatus.Approved);
        if (after is not null)
        {
            approved = approved.Where(r => r.CreatedAt < after.At || (r.CreatedAt == after.At && r.Id.CompareTo(after.Id) < 0));
        }

        var rows = await approved.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit + 1)
            .Select(r => new ReviewItem(r.Id, r.AuthorName, r.Rating, r.Title, r.Body, r.CreatedAt, r.UpdatedAt))
            .ToListAsync(ct);
        var next = rows.Count > limit ? Paging.Encode(new ReviewPosition(rows[limit - 1].CreatedAt, rows[limit - 1].Id)) : null;
        var rating = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == productId, ct);
        return new ReviewPage(rows.Take(limit).ToList(), next, rating?.Average, rating?.Count ?? 0);
    }

    public async Task<MyReviewState> MineAsync(string customerId, Guid productId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.CustomerId == customerId && r.ProductId == productId, ct);
        var bought = await db.HasBoughtAsync(customerId, productId, ct);
        return new MyReviewState(bought, review is null ? null : MyReview.From(review));
    }

    /// <summary>Creates the customer's review of the product or edits it (back to Pending); only a verified purchaser may.</summary>
    public async Task<(ReviewWrite Outcome, MyReview? Review)> SaveAsync(
        string customerId, string authorName, Guid productId, int rating, string title, string body, CancellationToken ct)
    {
        var result = await InTransactionAsync(productId, async token =>
        {
            if (!await db.Products.AnyAsync(p => p.Id == productId && p.Active, token))
            {
                return (ReviewWrite.NoProduct, (MyReview?)null);
            }

            if (!await db.HasBoughtAsync(customerId, productId, token))
            {
                return (ReviewWrite.NotPurchaser, null);
            }

            var now = clock.GetUtcNow();
            var review = await db.Reviews.FirstOrDefaultAsync(r => r.CustomerId == customerId && r.ProductId == productId, token);
            var outcome = ReviewWrite.Updated;
            if (review is null)
            {
                review = new Review { ProductId = productId, CustomerId = customerId, AuthorName = authorName, Title = title, Body = body, CreatedAt = now };
                db.Reviews.Add(review);
                outcome = ReviewWrite.Created;
            }

            review.Edit(rating, title, body, authorName, now);
            return (outcome, MyReview.From(review));
        }, ct);
        return result;
    }

    public async Task<bool> DeleteMineAsync(string customerId, Guid productId, CancellationToken ct) =>
        await InTransactionAsync(productId, async token =>
        {
            var review = await db.Reviews.FirstOrDefaultAsync(r => r.CustomerId == customerId && r.ProductId == productId, token);
            if (review is not null)
            {
                db.Reviews.Remove(review);
            }

            return review is not null;
        }, ct);

    /// <summary>Reviews in one state, oldest change first (the moderation queue), one page after <paramref name="after"/>.</summary>
    public async Task<Page<AdminReviewItem>> QueueAsync(ReviewStatus status, ReviewPosition? after, int limit, CancellationToken ct)
    {
        var query = db.Reviews.AsNoTracking().Where(r => r.Status == status);
        if (after is not null)
        {
            query = query.Where(r => r.UpdatedAt > after.At || (r.UpdatedAt == after.At && r.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).Take(limit + 1)
            .Join(db.Products, r => r.ProductId, p => p.Id, (r, p) => new AdminReviewItem(
                r.Id, r.ProductId, p.Name, p.Slug, r.AuthorName, r.Rating, r.Title, r.Body, r.Status, r.RejectionReason, r.UpdatedAt, r.ModeratedAt))
            .ToListAsync(ct);
        var next = rows.Count > limit ? Paging.Encode(new ReviewPosition(rows[limit - 1].UpdatedAt, rows[limit - 1].Id)) : null;
        return new Page<AdminReviewItem>(rows.Take(limit).ToList(), next);
    }

    /// <summary>Approves or rejects a review (again, if a moderator changes their mind); null when there is no such review.</summary>
    public async Task<AdminReviewItem?> ModerateAsync(Guid reviewId, ReviewStatus status, string? reason, string moderator, CancellationToken ct)
    {
        var productId = await db.Reviews.Where(r => r.Id == reviewId).Select(r => (Guid?)r.ProductId).FirstOrDefaultAsync(ct);
        if (productId is not { } id)
        {
            return null;
        }

        return await InTransactionAsync(id, async token =>
        {
            var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, token);
            if (review is null)
            {
                return null;
            }

            review.Moderate(status, reason, moderator, clock.GetUtcNow());
            var product = await db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Slug }).FirstAsync(token);
            return new AdminReviewItem(review.Id, id, product.Name, product.Slug, review.AuthorName, review.Rating, review.Title, review.Body,
                review.Status, review.RejectionReason, review.UpdatedAt, review.ModeratedAt);
        }, ct);
    }

    /// <summary>
    /// Runs a change to one product's reviews in a transaction that first locks the product's rating row, so
    /// concurrent changes to the same product recompute the rating one after the other, then recomputes it from the
    /// approved reviews before committing. The product's cached page is evicted after the commit.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Guid productId, Func<CancellationToken, Task<T>> change, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO product_ratings ("ProductId", "Count", "Sum")
                SELECT "Id", 0, 0 FROM products WHERE "Id" = {productId}
                ON CONFLICT ("ProductId") DO UPDATE SET "Count" = product_ratings."Count"
                """, token);
            var value = await change(token);
            await db.SaveChangesAsync(token);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE product_ratings SET
                    "Count" = (SELECT count(*) FROM reviews WHERE "ProductId" = {productId} AND "Status" = 'Approved'),
                    "Sum" = (SELECT coalesce(sum("Rating"), 0) FROM reviews WHERE "ProductId" = {productId} AND "Status" = 'Approved')
                WHERE "ProductId" = {productId}
                """, token);
            await transaction.CommitAsync(token);
            return value;
        }, ct);
        await cache.InvalidateProductAsync(productId);
        return result;
    }
}
