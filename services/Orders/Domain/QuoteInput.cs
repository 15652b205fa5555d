using System.Text.RegularExpressions;

namespace ECommerce.Orders.Domain;

/// <summary>The shapes of what a shopper sends to get a quote: a destination country and a shipping method code.</summary>
public static partial class QuoteInput
{
    public const string ShippingCodeRule = "A shipping method code is 1-40 lowercase letters, digits or dashes.";

    public const string DiscountCodeRule = "A discount code is 1-40 letters, digits or dashes.";

    public static bool IsCountry(string? value) => value is not null && Country().IsMatch(value);

    public static bool IsShippingCode(string? value) => value is not null && ShippingCode().IsMatch(value);

    public static bool IsDiscountCode(string? value) => value is not null && DiscountCode().IsMatch(value);

    /// <summary>A fingerprint as <see cref="QuoteCalculator"/> makes them: 32 lowercase hex digits.</summary>
    public static bool IsFingerprint(string? value) => value is not null && Fingerprint().IsMatch(value);

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Country();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ShippingCode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex DiscountCode();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Fingerprint();
}
