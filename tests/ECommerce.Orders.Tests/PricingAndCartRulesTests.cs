using ECommerce.Orders.Model;

namespace ECommerce.Orders.Tests;

/// <summary>The documented totals rules and the cart's limits, as pure rules.</summary>
public sealed class PricingAndCartRulesTests
{
    private static readonly PricingRules Rules = new() { ShippingFee = 4.95m, FreeShippingThreshold = 50m, TaxRate = 0.20m };
    private static readonly CartLimits Limits = new() { MaxLines = 50, MaxQuantityPerLine = 99 };

    [Fact]
    public void Below_the_threshold_shipping_is_charged_and_taxed()
    {
        var totals = OrderTotals.Calculate([(10.00m, 2), (5.25m, 1)], Rules);
        Assert.Equal(new OrderTotals(25.25m, 4.95m, 6.04m, 36.24m), totals);
    }

    [Fact]
    public void From_the_threshold_shipping_is_free()
    {
        var totals = OrderTotals.Calculate([(25.00m, 2)], Rules);
        Assert.Equal(new OrderTotals(50.00m, 0m, 10.00m, 60.00m), totals);
    }

    [Fact]
    public void Tax_is_rounded_half_away_from_zero_to_cents() =>
        Assert.Equal(0.13m, OrderTotals.Calculate([(0.625m, 1)], new PricingRules { ShippingFee = 0, FreeShippingThreshold = 0, TaxRate = 0.20m }).Tax);

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
