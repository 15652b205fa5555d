using System.Text.RegularExpressions;

namespace ECommerce.Contracts;

/// <summary>The one phone-number rule: for a profile and for an address, wherever a courier may need to call.</summary>
public static partial class PhoneNumbers
{
    public const int MaxLength = 32;

    /// <summary>Null when valid; a phone number is what a courier can dial: an optional +, then 6-15 digits with common separators.</summary>
    public static string? Validate(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = phone.Count(char.IsAsciiDigit);
        return PhoneShape().IsMatch(phone.Trim()) && digits is >= 6 and <= 15
            ? null
            : "A phone number is an optional '+' and 6-15 digits (spaces, hyphens, dots and brackets allowed).";
    }

    [GeneratedRegex(@"^\+?[0-9 ().-]{6,24}$")]
    private static partial Regex PhoneShape();
}
