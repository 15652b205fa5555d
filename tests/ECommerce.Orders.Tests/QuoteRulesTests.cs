using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Tests;

/// <summary>The documented quote rules (docs/orders.md): tax-inclusive and -exclusive prices, per-line rounding, shipping zones and rates.</summary>
public sealed class QuoteRulesTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private static readonly TaxRules Inclusive = new() { PricesIncludeTax = true, HomeCountry = "GB" };
    private static readonly TaxRules Exclusive = new() { PricesIncludeTax = false, HomeCountry = "GB" };

    [Fact]
    public void A_tax_inclusive_total_is_the_shelf_prices_plus_shipping_with_the_vat_inside_it_per_line()
    {
        var quote = Quote([Line(1000, 2), Line(525, 1)], "GB", Inclusive);

        // £20.00 + £5.25 + £4.95 standard delivery; VAT inside each: 2000/6 = 333.3 → 333, 525/6 = 87.5 → 88, 495/6 = 82.5 → 83.
        Assert.Equal((2525L, 495L, 504L, 3020L), (quote.SubtotalMinor, quote.ShippingMinor, quote.TaxMinor, quote.TotalMinor));
        Assert.Equal([333L, 88L], quote.Lines.Select(l => l.TaxMinor));
        Assert.Equal(new TaxLine(0.20m, 3020 - 504, 504), Assert.Single(quote.Taxes));
    }

    [Fact]
    public void A_tax_exclusive_total_adds_the_vat_of_each_line_and_of_shipping()
    {
        var quote = Quote([Line(1000, 2), Line(525, 1)], "GB", Exclusive);

        Assert.Equal((2525L, 495L, 604L, 3624L), (quote.SubtotalMinor, quote.ShippingMinor, quote.TaxMinor, quote.TotalMinor));
    }

    [Fact]
    public void From_the_threshold_standard_delivery_is_free() =>
        Assert.Equal(0, Quote([Line(2500, 2)], "GB", Inclusive).ShippingMinor);

    [Theory]
    [InlineData("JPY")] // ¥3 with 20% inside: ¥0.5 of VAT → ¥1
    [InlineData("GBP")] // £0.03 → 0.5p → 1p
    [InlineData("KWD")] // 0.003 KWD → 0.5 fils → 1 fils
    public void Tax_is_rounded_half_away_from_zero_per_line_in_the_currencys_minor_unit(string currency)
    {
        var quote = QuoteCalculator.Calculate([Line(3, 1), Line(3, 1)], currency, "GB", [Free()], null, null, Inclusive, Wednesday);

        // Per line, not once: two lines of 0.5 minor units each are 1 + 1, where rounding the sum once would give 1.
        Assert.Equal([1L, 1L], quote.Lines.Select(l => l.TaxMinor));
        Assert.Equal((2L, 6L), (quote.TaxMinor, quote.TotalMinor));
    }

    [Fact]
    public void Reduced_and_zero_rated_lines_are_taxed_at_their_rates_and_listed_by_rate()
    {
        var quote = Quote([Line(1050, 1, TaxClasses.Reduced), Line(800, 1, TaxClasses.Zero), Line(1200, 1)], "GB", Inclusive, "uk-collect");

        Assert.Equal([50L, 0L, 200L], quote.Lines.Select(l => l.TaxMinor));
        Assert.Equal([0.20m, 0.05m, 0m], quote.Taxes.Select(t => t.Rate));
        Assert.Equal(3050, quote.TotalMinor);
    }

    [Fact]
    public void An_eu_destination_pays_the_shelf_price_with_its_own_rate_inside()
    {
        var quote = Quote([Line(1190, 1)], "DE", Inclusive);

        Assert.Equal(190, quote.Lines[0].TaxMinor);
        Assert.Equal("eu-standard", quote.Shipping!.Code);
        Assert.Equal(1190 + 995, quote.TotalMinor);
    }

    [Fact]
    public void A_destination_the_store_collects_no_tax_for_pays_the_price_without_uk_vat()
    {
        var quote = Quote([Line(1200, 2)], "US", Inclusive);

        Assert.Equal((1000L, 2000L, 0L), (quote.Lines[0].UnitPriceMinor, quote.SubtotalMinor, quote.TaxMinor));
        Assert.Equal(("world-standard", 1495L), (quote.Shipping!.Code, quote.ShippingMinor));
    }

    [Fact]
    public void Weight_bands_price_by_the_order_weight_and_drop_a_method_past_its_last_band()
    {
        Assert.Equal(1295, Quote([Line(1000, 3, weight: 800)], "GB", Inclusive, "uk-express").ShippingMinor);

        var heavy = Quote([Line(1000, 40, weight: 1000)], "GB", Inclusive);
        Assert.DoesNotContain(heavy.ShippingOptions, o => o.Code == "uk-express");
        Assert.Contains(heavy.ShippingOptions, o => o.Code == "uk-standard");
    }

    [Fact]
    public void Price_bands_price_by_the_goods_value_and_end_at_the_free_threshold()
    {
        Assert.Equal(1495, Quote([Line(6000, 1)], "FR", Inclusive).ShippingMinor);
        Assert.Equal(0, Quote([Line(20000, 1)], "FR", Inclusive).ShippingMinor);
    }

    [Fact]
    public void The_rest_of_the_world_zone_serves_only_countries_no_other_zone_lists()
    {
        Assert.DoesNotContain(Quote([Line(1000, 1)], "GB", Inclusive).ShippingOptions, o => o.Code == "world-standard");
        Assert.Equal(["world-standard"], Quote([Line(1000, 1)], "JP", Inclusive).ShippingOptions.Select(o => o.Code));
    }

    [Fact]
    public void Without_a_method_for_the_destination_there_is_no_shipping_to_charge()
    {
        var quote = QuoteCalculator.Calculate([Line(1000, 1)], "GBP", "US", [Free()], null, null, Inclusive, Wednesday);

        Assert.Null(quote.Shipping);
        Assert.Empty(quote.ShippingOptions);
    }

    [Fact]
    public void The_chosen_method_is_charged_and_dated_in_business_days()
    {
        var friday = new DateOnly(2026, 12, 4);
        var quote = QuoteCalculator.Calculate([Line(1000, 1)], "GBP", "GB", Seeded(), "uk-express", null, Inclusive, friday);

        Assert.Equal(("uk-express", 795L), (quote.Shipping!.Code, quote.ShippingMinor));
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7)), (quote.Shipping.EarliestDelivery, quote.Shipping.LatestDelivery));
        Assert.Equal(["uk-standard", "uk-express", "uk-collect"], quote.ShippingOptions.Select(o => o.Code));
    }

    [Fact]
    public void The_fingerprint_changes_with_any_charged_number_and_only_then()
    {
        var line = Line(1000, 1);
        var first = Quote([line], "GB", Inclusive);

        Assert.Equal(first.Fingerprint, Quote([line], "GB", Inclusive).Fingerprint);
        Assert.NotEqual(first.Fingerprint, Quote([line with { UnitPriceMinor = 1001 }], "GB", Inclusive).Fingerprint);
        Assert.NotEqual(first.Fingerprint, Quote([line], "GB", Inclusive, "uk-express").Fingerprint);
        Assert.NotEqual(first.Fingerprint, Quote([line], "GB", Exclusive).Fingerprint);
    }

    internal static Quote Quote(IReadOnlyList<PricedProduct> lines, string country, TaxRules tax, string? shipping = null) =>
        QuoteCalculator.Calculate(lines, "GBP", country, Seeded(), shipping, null, tax, Wednesday);

    internal static PricedProduct Line(long unitMinor, int quantity, string taxClass = TaxClasses.Standard, int weight = 500) =>
        new(Guid.NewGuid(), "SKU", "Product", quantity, unitMinor, taxClass, weight);

    private static ShippingMethod Free() => new() { Code = "free", Name = "Free", Countries = ["GB"], RateKind = ShippingRateKind.Flat };

    /// <summary>The methods the QuotesAndShipping migration seeds.</summary>
    internal static List<ShippingMethod> Seeded() =>
    [
        new() { Code = "uk-standard", Name = "Standard delivery", Zone = "United Kingdom", Countries = ["GB"], RateKind = ShippingRateKind.Flat, FlatFee = 4.95m, FreeOver = 50, MinDays = 2, MaxDays = 4, SortOrder = 10 },
        new() { Code = "uk-express", Name = "Express delivery", Zone = "United Kingdom", Countries = ["GB"], RateKind = ShippingRateKind.WeightBand, Bands = [new(2000, 7.95m), new(10000, 12.95m), new(30000, 19.95m)], MinDays = 1, MaxDays = 1, SortOrder = 20 },
        new() { Code = "uk-collect", Name = "Click & collect", Zone = "United Kingdom", Countries = ["GB"], RateKind = ShippingRateKind.Flat, MinDays = 2, MaxDays = 3, SortOrder = 30 },
        new() { Code = "eu-standard", Name = "European delivery", Zone = "Europe", Countries = ["IE", "FR", "DE", "NL", "BE", "LU", "ES", "PT", "IT", "AT", "DK", "SE", "FI", "PL", "CZ"], RateKind = ShippingRateKind.PriceBand, Bands = [new(50, 9.95m), new(150, 14.95m), new(1_000_000, 19.95m)], FreeOver = 200, MinDays = 4, MaxDays = 8, SortOrder = 40 },
        new() { Code = "world-standard", Name = "International delivery", Zone = "Rest of the world", Countries = ["*"], RateKind = ShippingRateKind.WeightBand, Bands = [new(2000, 14.95m), new(10000, 29.95m), new(30000, 49.95m)], MinDays = 7, MaxDays = 15, SortOrder = 50 },
    ];
}
