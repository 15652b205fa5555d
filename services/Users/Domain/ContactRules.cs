using System.Text.RegularExpressions;

namespace ECommerce.Users.Domain;

/// <summary>Formats for language tags, used by the preferences (phone numbers: ECommerce.Contracts.PhoneNumbers).</summary>
public static partial class ContactRules
{
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

    [GeneratedRegex(@"^(?<lang>[A-Za-z]{2,3})(-(?<script>[A-Za-z]{4}))?(-(?<region>[A-Za-z]{2}|[0-9]{3}))?$")]
    private static partial Regex LanguageTag();
}
