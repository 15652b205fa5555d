using System.Text.RegularExpressions;

namespace ECommerce.Users.Domain;

/// <summary>Formats for phone numbers, language tags and currencies, shared by the profile, addresses and preferences.</summary>
public static partial class ContactRules
{
    /// <summary>Null when valid; a phone number is what a courier can dial: an optional +, then 6-15 digits with common separators.</summary>
    public static string? ValidatePhone(string? phone)
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

    /// <summary>BCP 47 in the shape browsers send: <c>en</c>, <c>en-GB</c>, <c>zh-Hant-TW</c>, <c>es-419</c>; normalised casing.</summary>
    public static bool TryNormalizeLanguage(string? tag, out string normalized)
    {
        normalized = "";
        var match = LanguageTag().Match(tag?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        normalized = match.Groups["lang"].Value.ToLowerInvariant();
        if (match.Groups["script"].Success)
        {
            var script = match.Groups["script"].Value;
            normalized += "-" + char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant();
        }

        if (match.Groups["region"].Success)
        {
            normalized += "-" + match.Groups["region"].Value.ToUpperInvariant();
        }

        return true;
    }

    [GeneratedRegex(@"^\+?[0-9 ().-]{6,24}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^(?<lang>[A-Za-z]{2,3})(-(?<script>[A-Za-z]{4}))?(-(?<region>[A-Za-z]{2}|[0-9]{3}))?$")]
    private static partial Regex LanguageTag();
}
