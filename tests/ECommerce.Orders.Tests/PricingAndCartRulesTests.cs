using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Tests;

/// <summary>The documented totals rules and the cart's limits, as pure rules.</summary>
public sealed class PricingAndCartRulesTests
{
    private static readonly PricingRules Rules = new() { ShippingFee = 4.95m, FreeShippingThreshold = 50m, TaxRate = 0.20m };
    private static readonly CartLimits Limits = new() { MaxLines = 50, MaxQuantityPerLine = 99 };

    [Fact]
    public void Below_the_threshold_shipping_is_charged_and_taxed()
    {
        var totals = OrderTotals.Calculate([(10.00m, 2), (5.25m, 1)], "GBP", Rules);
        Assert.Equal(new OrderTotals("GBP", 2525, 495, 604), totals);
        Assert.Equal((25.25m, 4.95m, 6.04m, 36.24m), (totals.Subtotal, totals.Shipping, totals.Tax, totals.Total));
    }

    [Fact]
    public void From_the_threshold_shipping_is_free()
    {
        var totals = OrderTotals.Calculate([(25.00m, 2)], "GBP", Rules);
        Assert.Equal(new OrderTotals("GBP", 5000, 0, 1000), totals);
    }

    [Theory]
    [InlineData("GBP", 0.05, 0.01)] // 0.5p of tax
    [InlineData("JPY", 5, 1)] // ¥0.5 of tax
    [InlineData("KWD", 0.005, 0.001)] // 0.5 fils of tax
    public void Tax_is_rounded_half_away_from_zero_once_to_the_currencys_minor_unit(string currency, double price, double tax) =>
        Assert.Equal((decimal)tax, OrderTotals.Calculate([((decimal)price, 1)], currency, new PricingRules { ShippingFee = 0, FreeShippingThreshold = 0, TaxRate = 0.10m }).Tax);

    [Fact]
    public void A_yen_order_totals_whole_yen_with_the_configured_fee_converted_to_yen()
    {
        // ¥14 × 3 = ¥42, under the threshold of ¥50: shipping 4.95 is ¥5; tax 20% of ¥47 = ¥9.4 → ¥9.
        var totals = OrderTotals.Calculate([(14m, 3)], "JPY", Rules);

        Assert.Equal(new OrderTotals("JPY", 42, 5, 9), totals);
        Assert.Equal(56m, totals.Total);
        Assert.Equal(0, totals.Total.Scale);
    }

    [Fact]
    public void A_dinar_order_keeps_three_decimals()
    {
        // KWD 1.234 × 2 = 2.468; shipping 4.950; tax 20% of 7.418 = 1.4836 → 1.484.
        var totals = OrderTotals.Calculate([(1.234m, 2)], "KWD", Rules);

        Assert.Equal(new OrderTotals("KWD", 2468, 4950, 1484), totals);
        Assert.Equal(8.902m, totals.Total);
        Assert.Equal(3, totals.Total.Scale);
    }

    [Fact]
    public void A_price_finer_than_the_currency_is_never_rounded_into_a_total() =>
        Assert.Throws<ArgumentException>(() => OrderTotals.Calculate([(14.34m, 1)], "JPY", Rules));

    [Fact]
    public void A_product_in_another_currency_cannot_join_the_cart_and_does_not_merge_into_it()
    {
        var cart = new Cart();
        Assert.Null(cart.Add(Product(), 1, Limits));

        var euro = Product() with { Currency = "EUR" };
        Assert.Equal("productId", cart.Add(euro, 1, Limits)?.Field);
        Assert.Single(cart.Lines);

        var anonymous = new Cart();
        anonymous.Add(euro, 1, Limits);
        Assert.Equal([euro.Id], cart.MergeFrom(anonymous, Limits));
        Assert.All(cart.Lines, l => Assert.Equal("GBP", l.Currency));
    }

    [Fact]
    public void A_line_takes_at_most_the_per_line_quantity()
    {
        var product = Product();
        var cart = new Cart();
        Assert.Null(cart.Add(product, 60, Limits));
        Assert.Equal("quantity", cart.Add(product, 40, Limits)?.Field);
        Assert.Equal(60, cart.Lines[0].Quantity);
    }

    [Fact]
    public void A_cart_holds_at_most_the_line_limit()
    {
        var cart = new Cart();
        for (var i = 0; i < Limits.MaxLines; i++)
        {
            Assert.Null(cart.Add(Product(), 1, Limits));
        }

        Assert.Equal("productId", cart.Add(Product(), 1, Limits)?.Field);
        Assert.Equal(Limits.MaxLines, cart.Lines.Count);
    }

    [Fact]
    public void Merging_adds_quantities_up_to_the_limit_and_reports_what_did_not_fit()
    {
        var shared = Product();
        var customer = new Cart();
        customer.Add(shared, 90, Limits);
        for (var i = 1; i < Limits.MaxLines; i++)
        {
            customer.Add(Product(), 1, Limits);
        }

        var anonymous = new Cart();
        anonymous.Add(shared, 20, Limits);
        var extra = Product();
        anonymous.Add(extra, 1, Limits);

        var dropped = customer.MergeFrom(anonymous, Limits);

        Assert.Equal(99, customer.Lines.Single(l => l.ProductId == shared.Id).Quantity);
        Assert.Equal([extra.Id], dropped);
    }

    [Fact]
    public void A_refresh_shows_the_price_change_until_the_shopper_sets_the_quantity()
    {
        var product = Product();
        var cart = new Cart();
        cart.Add(product, 1, Limits);

        cart.Refresh(new Dictionary<Guid, ProductSnapshot> { [product.Id] = product with { Price = 12.50m } });
        Assert.Equal((10m, 12.50m), (cart.Lines[0].PriceWhenAdded, cart.Lines[0].UnitPrice));

        cart.SetQuantity(product with { Price = 12.50m }, 2, Limits);
        Assert.Equal(12.50m, cart.Lines[0].PriceWhenAdded);
    }

    private static ProductSnapshot Product(Guid? id = null) =>
        new(id ?? Guid.NewGuid(), "SKU", "Name", "slug", 10m, "GBP", Available: 10, Active: true, ImageUrl: null);
}
