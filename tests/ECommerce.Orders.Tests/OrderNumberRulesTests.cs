using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Tests;

/// <summary>How an order number is shown, and what the back office's search reads as one.</summary>
public sealed class OrderNumberRulesTests
{
    [Theory]
    [InlineData(100001, "100 001")]
    [InlineData(100245, "100 245")]
    [InlineData(999999, "999 999")]
    [InlineData(1000000, "1 000 000")]
    [InlineData(99999999999, "99 999 999 999")]
    public void A_number_is_shown_in_groups_of_three_joined_by_no_break_spaces(long number, string shown) =>
        Assert.Equal(shown.Replace(' ', '\u00A0'), OrderNumber.Format(number));

    [Theory]
    [InlineData("100245")]
    [InlineData("100 245")]
    [InlineData("100\u00A0245")]
    [InlineData("#100245")]
    [InlineData("  # 100 245 ")]
    [InlineData("100-245")]
    [InlineData("0100245")]
    public void A_number_is_read_however_it_was_written_down(string typed)
    {
        Assert.True(OrderNumber.TryParse(typed, out var reference));
        Assert.Equal(new OrderReference(null, 100245, null), reference);
    }

    [Fact]
    public void Twelve_characters_are_the_legacy_number_even_when_all_digits_and_thirty_two_the_whole_id()
    {
        var id = Guid.Parse("019ab3c4-d5e6-7f80-9a1b-3f9c0a1b2c4d");

        Assert.True(OrderNumber.TryParse("3F9C0A1B2C4D", out var legacy));
        Assert.True(OrderNumber.TryParse("000123456789", out var digitsOnly));
        Assert.True(OrderNumber.TryParse(id.ToString(), out var whole));
        Assert.True(OrderNumber.TryParse(id.ToString("N"), out var wholeNoDashes));

        Assert.Equal("3f9c0a1b2c4d", legacy.LegacyNumber);
        Assert.Equal(OrderNumber.LegacyOf(id), legacy.LegacyNumber);
        Assert.Equal(new OrderReference(null, null, "000123456789"), digitsOnly);
        Assert.Equal(new OrderReference(id, null, null), whole);
        Assert.Equal(whole, wholeNoDashes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("12345")]
    [InlineData("100000")]
    [InlineData("10024x")]
    [InlineData("ord-12z")]
    [InlineData("3f9c0a1b")]
    [InlineData("123456789012345")]
    [InlineData("1002451002451")]
    public void Anything_else_is_not_an_order_reference(string typed) =>
        Assert.False(OrderNumber.TryParse(typed, out _));
}
