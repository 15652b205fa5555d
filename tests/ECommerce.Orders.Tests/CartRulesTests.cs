using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Tests;

/// <summary>The cart's limits, currency and merge rules, as pure rules.</summary>
public sealed class CartRulesTests
{
    private static readonly CartLimits Limits = new() { MaxLines = 50, MaxQuantityPerLine = 99 };

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
