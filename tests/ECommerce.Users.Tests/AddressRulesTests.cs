using ECommerce.Contracts;
using ECommerce.Users.Domain;

namespace ECommerce.Users.Tests;

/// <summary>The country, postcode, phone and language rules on their own.</summary>
public sealed class AddressRulesTests
{
    [Fact]
    public void Every_officially_assigned_ISO_3166_alpha_2_code_is_known() =>
        Assert.Equal(249, CountryCodes.Count);

    [Theory]
    [InlineData("GB", "sw1a 1aa", "SW1A 1AA")]
    [InlineData("GB", "M1 1AE", "M1 1AE")]
    [InlineData("GB", "GIR 0AA", "GIR 0AA")]
    [InlineData("US", "94105-1234", "94105-1234")]
    [InlineData("CA", "k1a 0b1", "K1A 0B1")]
    [InlineData("NL", "1012  ab", "1012 AB")]
    [InlineData("DE", "10117", "10117")]
    [InlineData("IE", "D02 X285", "D02 X285")]
    [InlineData("PL", "00-950", "00-950")]
    [InlineData("JP", "100-0001", "100-0001")]
    [InlineData("BR", "01310-100", "01310-100")]
    [InlineData("HK", "", "")]
    public void Valid_postcodes_are_accepted_and_normalised(string country, string postcode, string expected)
    {
        Assert.Null(PostcodeRules.Validate(country, postcode, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("GB", "12345")]
    [InlineData("GB", "")]
    [InlineData("US", "9410")]
    [InlineData("DE", "1011")]
    [InlineData("CA", "D1A 0B1")]
    [InlineData("NL", "0123 AB")]
    [InlineData("BR", "-12345")]
    [InlineData("BR", "12345678901")]
    public void Invalid_postcodes_are_rejected(string country, string postcode) =>
        Assert.NotNull(PostcodeRules.Validate(country, postcode, out _));

    [Theory]
    [InlineData("+44 20 7946 0000", true)]
    [InlineData("(555) 010-9999", true)]
    [InlineData("12345", false)]
    [InlineData("+1 555 CALL NOW", false)]
    public void Phone_numbers_are_digits_with_common_separators(string phone, bool valid) =>
        Assert.Equal(valid, PhoneNumbers.Validate(phone) is null);

    [Theory]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    public void Language_tags_are_normalised(string tag, string expected)
    {
        Assert.True(ContactRules.TryNormalizeLanguage(tag, out var normalized));
        Assert.Equal(expected, normalized);
    }
}
