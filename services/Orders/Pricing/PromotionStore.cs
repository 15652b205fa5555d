using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Pricing;

/// <summary>Finds the promotion a quote gets, and redeems it with the order under a row lock so limits hold exactly.</summary>
public sealed class PromotionStore(OrdersDbContext db)
{
    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    /// <summary>
    /// The entered code (refused with a shopper-readable reason when it cannot be used), or without one the active
    /// automatic promotion that takes off the most from these lines.
    /// </summary>
    public async Task<(Promotion? Promotion, string? Refused)> ChooseAsync(
        IReadOnlyList<PricedProduct> lines, string currency, string? code, string? customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            var entered = await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Code == Normalise(code) && !p.Automatic, cancellationToken);
            if (entered is null)
            {
                return (null, "This code is not valid.");
            }

            var used = customerId is null ? 0 : await UsesAsync(entered.Code, customerId, cancellationToken);
            return entered.Unavailable(now, used) is { } reason ? (null, reason) : (entered, null);
        }

        var automatic = await db.Promotions.AsNoTracking().Where(p => p.Automatic && p.Active).ToListAsync(cancellationToken);
        var amounts = lines.Select(l => new DiscountableLine(l.ProductId, l.UnitPriceMinor * l.Quantity, l.Categories)).ToList();
        return (automatic.Where(p => p.Unavailable(now, 0) is null)
            .Select(p => (Promotion: p, Off: p.DiscountFor(amounts, currency)?.LineDiscounts.Values.Sum() ?? -1))
            .Where(c => c.Off >= 0)
            .OrderByDescending(c => c.Off).ThenBy(c => c.Promotion.Code, StringComparer.Ordinal)
            .Select(c => c.Promotion).FirstOrDefault(), null);
    }

    /// <summary>
    /// Counts the order against the promotion's limits, in the caller's transaction: the promotion's row is locked
    /// (<c>FOR UPDATE</c>), so concurrent checkouts with one code queue here and exactly <c>UsageLimit</c> succeed.
    /// Returns the reason when the promotion can no longer be used.
    /// </summary>
    public async Task<string?> RedeemAsync(string code, string customerId, Guid orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var promotion = await db.Promotions.FromSql($"SELECT *, xmin FROM promotions WHERE code = {code} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (promotion is null)
        {
            return "This code is not valid.";
        }

        var used = promotion.Automatic ? 0 : await UsesAsync(code, customerId, cancellationToken);
        if (promotion.Unavailable(now, used) is { } reason)
        {
            return reason;
        }

        promotion.TimesUsed++;
        db.PromotionRedemptions.Add(new PromotionRedemption { PromotionCode = code, CustomerId = customerId, OrderId = orderId, At = now });
        return null;
    }

    private Task<int> UsesAsync(string code, string customerId, CancellationToken cancellationToken) =>
        db.PromotionRedemptions.CountAsync(r => r.PromotionCode == code && r.CustomerId == customerId, cancellationToken);
}
