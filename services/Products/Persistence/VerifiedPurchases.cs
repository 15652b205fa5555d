using ECommerce.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Persistence;

/// <summary>Who bought what: written from OrderPaid, read before a review is accepted.</summary>
public static class VerifiedPurchases
{
    /// <summary>
    /// Records that <paramref name="customerId"/> paid for each product, keeping the first time. Idempotent by itself
    /// (ON CONFLICT DO NOTHING), not only through the inbox, so a redelivery or a second order changes nothing.
    /// Guests are never recorded: a guest id is an e-mail hash with no account to review from.
    /// </summary>
    public static async Task RecordAsync(this ProductsDbContext db, string customerId, IEnumerable<Guid> productIds, DateTimeOffset paidAt, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(customerId) || GuestCustomers.IsGuest(customerId))
        {
            return;
        }

        var ids = productIds.Distinct().ToArray();
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO verified_purchases ("CustomerId", "ProductId", "FirstPaidAt")
                SELECT {customerId}, id, {paidAt} FROM unnest({ids}) AS id
                ON CONFLICT DO NOTHING
                """, ct);
        }
    }

    public static Task<bool> HasBoughtAsync(this ProductsDbContext db, string customerId, Guid productId, CancellationToken ct) =>
        db.Purchasers.AnyAsync(p => p.CustomerId == customerId && p.ProductId == productId, ct);
}
