using ECommerce.Contracts;

namespace ECommerce.Payments.Tests;

/// <summary>The shared currency table and Money conversions Payments charges through (ECommerce.Contracts).</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("JPY", "15", 15)]
    [InlineData("GBP", "12.34", 1234)]
    [InlineData("KWD", "1.234", 1234)]
    [InlineData("GBP", "0.10", 10)]
    [InlineData("KWD", "-0.001", -1)]
    public void An_amount_in_the_currencys_decimals_round_trips_exactly(string currency, string major, long minor)
    {
        var amount = Parse(major);

        Assert.True(Money.IsRepresentable(amount, currency));
        Assert.Equal(minor, Money.ToMinor(amount, currency));
        Assert.Equal(amount, Money.FromMinor(minor, currency));
    }

    [Theory]
    [InlineData("JPY", "14.34")]
    [InlineData("JPY", "0.5")]
    [InlineData("GBP", "1.234")]
    [InlineData("KWD", "1.2345")]
    public void An_amount_finer_than_the_currency_is_refused_not_rounded(string currency, string major)
    {
        var amount = Parse(major);

        Assert.False(Money.IsRepresentable(amount, currency));
        Assert.False(Money.TryToMinor(amount, currency, out _));
        Assert.Throws<ArgumentException>(() => Money.ToMinor(amount, currency));
    }

    [Theory]
    [InlineData(1500, "JPY", "1500", 0)]
    [InlineData(1000, "GBP", "10.00", 2)]
    [InlineData(1234, "KWD", "1.234", 3)]
    public void From_minor_units_writes_the_currencys_decimals(long minor, string currency, string text, int scale)
    {
        var amount = Money.FromMinor(minor, currency);

        Assert.Equal(text, amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(scale, amount.Scale);
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("GBP", 2)]
    [InlineData("EUR", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    public void The_table_knows_each_exponent(string currency, int exponent)
    {
        Assert.True(Currencies.IsKnown(currency));
        Assert.Equal(exponent, Currencies.ExponentOf(currency));
    }

    [Fact]
    public void An_unknown_code_is_neither_known_nor_given_a_default_exponent()
    {
        Assert.False(Currencies.IsKnown("XYZ"));
        Assert.False(Currencies.IsKnown("gbp"));
        Assert.True(Currencies.TryNormalize(" gbp ", out var normalized) && normalized == "GBP");
        Assert.Throws<ArgumentException>(() => Currencies.ExponentOf("XYZ"));
        Assert.Throws<ArgumentException>(() => Money.ToMinor(1m, "XYZ"));
    }

    [Theory]
    [InlineData("JPY", "4.5", 5)]
    [InlineData("JPY", "-4.5", -5)]
    [InlineData("GBP", "0.125", 13)]
    [InlineData("KWD", "0.0005", 1)]
    public void Rounding_to_minor_units_is_half_away_from_zero_and_only_when_asked(string currency, string major, long minor) =>
        Assert.Equal(minor, Money.RoundToMinor(Parse(major), currency));

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
