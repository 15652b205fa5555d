using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Orders.Admin;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Pricing;
using ECommerce.Testing;
using static ECommerce.Orders.Tests.QuoteRulesTests;

namespace ECommerce.Orders.Tests;

/// <summary>A promotion scoped to categories: a line qualifies by its product or by its category (or an ancestor of it).</summary>
[Collection(OrdersCollection.Name)]
public sealed class PromotionCategoryTests(OrdersHost host)
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private static readonly TaxRules Inclusive = new() { PricesIncludeTax = true, HomeCountry = "GB" };
    private static readonly Promotion ToysHalfOff = new() { Code = "TOYS50", Kind = PromotionKind.Percentage, Value = 50, CategorySlugs = ["toys"] };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_line_in_the_category_or_a_sub_category_of_it_qualifies()
    {
        var horse = Line(2000, 1) with { CategorySlugs = ["toys"] };
        var puzzle = Line(1000, 1) with { CategorySlugs = ["jigsaws", "toys", "gifts"] };

        var quote = Priced([horse, puzzle], ToysHalfOff);

        Assert.Equal([1000L, 500L], quote.Lines.Select(l => l.DiscountMinor));
        Assert.Equal("TOYS50", quote.Discount!.Code);
    }

    [Fact]
    public void A_cart_with_no_line_in_the_category_gets_no_discount()
    {
        var mug = Line(2000, 1) with { CategorySlugs = ["kitchen", "home"] };

        var quote = Priced([mug, Line(500, 1)], ToysHalfOff);

        Assert.Equal(0, quote.DiscountMinor);
        Assert.Null(quote.Discount);
    }

    [Fact]
    public void In_a_mixed_cart_only_lines_in_the_category_or_among_the_products_are_discounted()
    {
        var (horse, mug, lamp) = (Line(2000, 1) with { CategorySlugs = ["toys"] }, Line(1000, 1) with { CategorySlugs = ["kitchen"] }, Line(3000, 1));
        var toysAndTheLamp = new Promotion
        {
            Code = "MIXED",
            Kind = PromotionKind.FixedAmount,
            Value = 10m,
            CategorySlugs = ["toys"],
            ProductIds = [lamp.ProductId],
        };

        var quote = Priced([horse, mug, lamp], toysAndTheLamp);

        // £10 shared by the eligible £20 and £30 lines in proportion; the mug keeps its price.
        Assert.Equal([400L, 0L, 600L], quote.Lines.Select(l => l.DiscountMinor));
    }

    [Fact]
    public async Task A_category_code_saved_in_the_back_office_discounts_the_catalogs_products_in_it()
    {
        using var admin = host.Client(TestTokens.Admin());
        var code = $"TOYS{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var save = new SavePromotionRequest("Half off toys", false, PromotionKind.Percentage, 50, null, null, ["toys"], null, null, null, null, true, null);
        using var saved = await admin.PutAsJsonAsync($"/api/orders/admin/promotions/{code}", save, OrdersHost.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(["toys"], (await saved.Content.ReadFromJsonAsync<PromotionView>(OrdersHost.Json, Ct))!.CategorySlugs);

        var toy = host.Neighbours.AddProduct(20m) with { CategorySlugs = ["board-games", "toys"] };
        var mug = host.Neighbours.AddProduct(10m) with { CategorySlugs = ["kitchen"] };
        host.Neighbours.Products[toy.Id] = toy;
        host.Neighbours.Products[mug.Id] = mug;
        using var shopper = host.Client(TestTokens.Customer($"toys-{Guid.NewGuid():N}"));
        (await shopper.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(toy.Id, 1), Ct)).EnsureSuccessStatusCode();
        (await shopper.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(mug.Id, 1), Ct)).EnsureSuccessStatusCode();

        var quote = (await shopper.GetFromJsonAsync<QuoteView>($"/api/orders/cart/quote?code={code}", OrdersHost.Json, Ct))!;

        Assert.Equal((10m, code), (quote.Discount, quote.DiscountCode));
    }

    [Fact]
    public async Task A_category_slug_the_catalog_cannot_spell_is_a_400_naming_categorySlugs()
    {
        using var admin = host.Client(TestTokens.Admin());
        var save = new SavePromotionRequest("Bad", false, PromotionKind.Percentage, 5, null, null, ["Toys & Games"], null, null, null, null, true, null);

        using var response = await admin.PutAsJsonAsync("/api/orders/admin/promotions/BADSLUG", save, OrdersHost.Json, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("categorySlugs", out _));
    }

    private static Quote Priced(IReadOnlyList<PricedProduct> lines, Promotion promotion) =>
        QuoteCalculator.Calculate(lines, "GBP", "GB", Seeded(), null, promotion, Inclusive, Wednesday);
}
