using ECommerce.Orders.Domain;
using static ECommerce.Orders.Tests.QuoteRulesTests;

namespace ECommerce.Orders.Tests;

/// <summary>Each promotion type, its conditions, and how a discount meets tax and shipping in the quote.</summary>
public sealed class PromotionRulesTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TaxRules Inclusive = new() { PricesIncludeTax = true, HomeCountry = "GB" };

    [Fact]
    public void A_percentage_comes_off_the_lines_before_their_tax_is_worked_out()
    {
        var line = Line(1200, 1);
        var quote = Priced([line], new Promotion { Code = "TEN", Kind = PromotionKind.Percentage, Value = 10 });

        // £12.00 − 10% = £10.80, VAT inside 1080/6 = £1.80; standard delivery under £50: £4.95 (VAT 0.83).
        Assert.Equal((120L, 180L, 1080L + 495L), (quote.DiscountMinor, quote.Lines[0].TaxMinor, quote.TotalMinor));
        Assert.Equal("TEN", quote.Discount!.Code);
    }

    [Fact]
    public void A_fixed_amount_is_shared_across_lines_in_proportion_and_never_exceeds_them()
    {
        var (a, b) = (Line(1000, 1), Line(500, 1));
        var quote = Priced([a, b], new Promotion { Code = "FIVER", Kind = PromotionKind.FixedAmount, Value = 5m });

        Assert.Equal([334L, 166L], quote.Lines.Select(l => l.DiscountMinor));
        Assert.Equal(500, quote.DiscountMinor);
        Assert.Equal(1500, Priced([a, b], new Promotion { Code = "ALL", Kind = PromotionKind.FixedAmount, Value = 99m }).DiscountMinor);
    }

    [Fact]
    public void Free_shipping_zeroes_the_chosen_method()
    {
        var quote = Priced([Line(1000, 1)], new Promotion { Code = "SHIPFREE", Kind = PromotionKind.FreeShipping }, "uk-express");

        Assert.Equal((0L, 1000L, "SHIPFREE"), (quote.ShippingMinor, quote.TotalMinor, quote.Discount!.Code));
    }

    [Fact]
    public void Below_the_minimum_spend_or_outside_its_products_a_promotion_takes_nothing()
    {
        var (mug, lamp) = (Line(1000, 1), Line(3000, 1));
        var minimum = new Promotion { Code = "BIG", Kind = PromotionKind.Percentage, Value = 10, MinimumSpend = 50 };
        Assert.Equal(0, Priced([mug, lamp], minimum).DiscountMinor);
        Assert.Equal(600, Priced([mug, lamp, Line(2000, 1)], minimum).DiscountMinor);

        var lampsOnly = new Promotion { Code = "LAMPS", Kind = PromotionKind.Percentage, Value = 50, ProductIds = [lamp.ProductId] };
        var quote = Priced([mug, lamp], lampsOnly);
        Assert.Equal([0L, 1500L], quote.Lines.Select(l => l.DiscountMinor));
    }

    [Fact]
    public void A_promotion_is_refused_outside_its_window_past_its_limits_or_when_switched_off()
    {
        var code = new Promotion { Code = "X", Kind = PromotionKind.Percentage, Value = 10, StartsAt = Now.AddDays(-1), EndsAt = Now.AddDays(1), UsageLimit = 10, PerCustomerLimit = 1 };

        Assert.Null(code.Unavailable(Now, usedByCustomer: 0));
        Assert.Equal("This code is not valid.", code.Unavailable(Now.AddDays(-2), 0));
        Assert.Equal("This code has expired.", code.Unavailable(Now.AddDays(1), 0));
        Assert.Equal("You have already used this code.", code.Unavailable(Now, usedByCustomer: 1));
        code.TimesUsed = 10;
        Assert.Equal("This code has been used up.", code.Unavailable(Now, 0));
        Assert.Equal("This code is not valid.", new Promotion { Active = false }.Unavailable(Now, 0));
    }

    private static Quote Priced(IReadOnlyList<PricedProduct> lines, Promotion promotion, string? shipping = null) =>
        QuoteCalculator.Calculate(lines, "GBP", "GB", Seeded(), shipping, promotion, Inclusive, Wednesday);
}
