using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>What a promotion takes off.</summary>
public enum PromotionKind
{
    /// <summary><see cref="Promotion.Value"/> percent of the eligible lines.</summary>
    Percentage,

    /// <summary><see cref="Promotion.Value"/> (major units of the order's currency) off the eligible lines, at most their total.</summary>
    FixedAmount,

    /// <summary>The chosen shipping method costs nothing.</summary>
    FreeShipping,
}

/// <summary>
/// A discount code or an automatic promotion (managed in the back office). Stacking rule: an order gets one promotion,
/// the code the shopper entered or, without one, the automatic promotion that takes off the most. Usage limits are
/// counted by redemptions made with the order, under a lock on this row (see docs/orders.md).
/// </summary>
public sealed class Promotion
{
    /// <summary>What the shopper types (stored upper-case); for an automatic promotion, its name in the back office.</summary>
    public string Code { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Applies without being entered (to every order it is eligible for).</summary>
    public bool Automatic { get; set; }

    public PromotionKind Kind { get; set; }

    public decimal Value { get; set; }

    /// <summary>The goods value (store price basis) an order must reach, in major units; null for none.</summary>
    public decimal? MinimumSpend { get; set; }

    /// <summary>The products it applies to; with <see cref="CategorySlugs"/> empty too, it applies to every product.</summary>
    public List<Guid> ProductIds { get; set; } = [];

    /// <summary>The categories (Products' slugs) it applies to, sub-categories included; a line qualifies by product or category.</summary>
    public List<string> CategorySlugs { get; set; } = [];

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>How many orders may use it in all; null for no limit.</summary>
    public int? UsageLimit { get; set; }

    /// <summary>How many orders one customer may use it for; null for no limit.</summary>
    public int? PerCustomerLimit { get; set; }

    public int TimesUsed { get; set; }

    public bool Active { get; set; } = true;

    public uint Version { get; set; }

    /// <summary>Why the promotion cannot be used now (for the shopper), or null when it can.</summary>
    public string? Unavailable(DateTimeOffset now, int usedByCustomer) =>
        !Active || (StartsAt is { } s && now < s) ? "This code is not valid."
        : EndsAt is { } e && now >= e ? "This code has expired."
        : UsageLimit is { } limit && TimesUsed >= limit ? "This code has been used up."
        : PerCustomerLimit is { } mine && usedByCustomer >= mine ? "You have already used this code."
        : null;

    /// <summary>
    /// Whether a line of this product (in these categories: its own and its ancestors, as Products' lookup lists them)
    /// is eligible: every line when the promotion names no product and no category, else a line whose product is listed
    /// or whose category (or an ancestor of it) is.
    /// </summary>
    public bool AppliesTo(Guid productId, IReadOnlyList<string> categorySlugs) =>
        (ProductIds.Count == 0 && CategorySlugs.Count == 0)
        || ProductIds.Contains(productId)
        || categorySlugs.Any(c => CategorySlugs.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The discount on these line amounts (minor units, store price basis), or null when the order does not qualify (below
    /// the minimum spend, or no eligible line). A money discount is shared across eligible lines in proportion to their
    /// amounts, the remainder to the largest lines first, so per-line tax stays exact.
    /// </summary>
    public QuoteDiscount? DiscountFor(IReadOnlyList<DiscountableLine> lines, string currency)
    {
        var goods = lines.Sum(l => l.AmountMinor);
        var eligible = lines.Where(l => AppliesTo(l.ProductId, l.CategorySlugs)).Select(l => (l.ProductId, l.AmountMinor)).ToList();
        var eligibleTotal = eligible.Sum(l => l.AmountMinor);
        if (eligibleTotal <= 0 || (MinimumSpend is { } min && goods < Money.RoundToMinor(min, currency)))
        {
            return null;
        }

        var total = Kind switch
        {
            PromotionKind.Percentage => (long)Math.Round(eligibleTotal * Math.Clamp(Value, 0, 100) / 100m, MidpointRounding.AwayFromZero),
            PromotionKind.FixedAmount => Math.Min(Money.RoundToMinor(Value, currency), eligibleTotal),
            _ => 0,
        };
        return new QuoteDiscount(Code, Description, Allocate(total, eligible, eligibleTotal), Kind == PromotionKind.FreeShipping);
    }

    private static Dictionary<Guid, long> Allocate(long total, List<(Guid ProductId, long AmountMinor)> lines, long eligibleTotal)
    {
        var shares = lines.ToDictionary(l => l.ProductId, l => total * l.AmountMinor / eligibleTotal);
        var left = total - shares.Values.Sum();
        foreach (var line in lines.OrderByDescending(l => l.AmountMinor).ThenBy(l => l.ProductId))
        {
            if (left-- <= 0)
            {
                break;
            }

            shares[line.ProductId]++;
        }

        return shares;
    }
}

/// <summary>A line a promotion may discount: its product, amount (minor units) and the product's category slugs (own first, then ancestors).</summary>
public sealed record DiscountableLine(Guid ProductId, long AmountMinor, IReadOnlyList<string> CategorySlugs);

/// <summary>One order's use of a promotion: counted against its limits, once per order.</summary>
public sealed class PromotionRedemption
{
    public long Id { get; set; }

    public string PromotionCode { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public Guid OrderId { get; set; }

    public DateTimeOffset At { get; set; }
}
