namespace ECommerce.Orders.Domain;

/// <summary>
/// A priced line of a quote, in minor units; <see cref="AmountMinor"/> is unit price × quantity before discount.
/// <see cref="VariantLabel"/> names a variant's options ("Blue / M"), null for a product without variants.
/// </summary>
public sealed record QuoteLine(
    Guid ProductId,
    string Sku,
    string Name,
    int Quantity,
    string TaxClass,
    decimal TaxRate,
    long UnitPriceMinor,
    long AmountMinor,
    long DiscountMinor,
    long TaxMinor,
    string? VariantLabel = null)
{
    /// <summary>The line as people read it: "Linen Shirt (Blue / M)", or the name alone.</summary>
    public string DisplayName => VariantLabel is null ? Name : $"{Name} ({VariantLabel})";
}

/// <summary>Tax at one rate: the amount it was worked out on (without tax) and the tax.</summary>
public sealed record TaxLine(decimal Rate, long NetMinor, long TaxMinor);

/// <summary>A shipping method as offered for one cart: its fee for these goods and when they would arrive.</summary>
public sealed record ShippingOption(string Code, string Name, string Zone, long FeeMinor, DateOnly EarliestDelivery, DateOnly LatestDelivery);

/// <summary>A discount a promotion gives: per line (minor units) and/or free shipping.</summary>
public sealed record QuoteDiscount(string? Code, string Description, IReadOnlyDictionary<Guid, long> LineDiscounts, bool FreeShipping);

/// <summary>
/// What an order for these lines would cost, to the minor unit: the one computation the cart, the checkout page and the
/// order share, so the charge is the quote the shopper saw. <see cref="Fingerprint"/> changes when any number does.
/// </summary>
public sealed record Quote(
    string Currency,
    bool PricesIncludeTax,
    string Country,
    IReadOnlyList<QuoteLine> Lines,
    long SubtotalMinor,
    long DiscountMinor,
    QuoteDiscount? Discount,
    ShippingOption? Shipping,
    long ShippingTaxMinor,
    IReadOnlyList<TaxLine> Taxes,
    long TaxMinor,
    long TotalMinor,
    IReadOnlyList<ShippingOption> ShippingOptions,
    string Fingerprint)
{
    /// <summary>The goods after discounts, in the store's price basis (what shipping thresholds compare with).</summary>
    public long GoodsMinor => SubtotalMinor - DiscountMinor;

    public long ShippingMinor => Shipping?.FeeMinor ?? 0;
}
