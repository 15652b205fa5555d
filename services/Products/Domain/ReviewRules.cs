namespace ECommerce.Products.Domain;

/// <summary>The limits of a review's text and rating, and how an author's name is shown.</summary>
public static class ReviewRules
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxTitleLength = 120;
    public const int MaxBodyLength = 4000;
    public const int MaxReasonLength = 500;
    public const int MaxAuthorNameLength = 60;

    /// <summary>
    /// Plain text only: line breaks and tabs are text, every other control or format character (bidi overrides,
    /// zero-width joiners used to hide text, escape sequences) is refused. Markup is not refused: it is kept as typed
    /// and the storefront renders it as text.
    /// </summary>
    public static bool IsPlainText(string value)
    {
        foreach (var c in value)
        {
            if (c is '\n' or '\r' or '\t')
            {
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Ada Lovelace" → "Ada L."; an e-mail (the name claim when no display name was given) shows only its local part's first word.</summary>
    public static string AuthorName(string? name)
    {
        var text = (name ?? "").Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at].Replace('.', ' ').Replace('_', ' ');
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(IsPlainText).ToArray();
        if (words.Length == 0)
        {
            return "A customer";
        }

        var shown = words.Length == 1 ? words[0] : $"{words[0]} {char.ToUpperInvariant(words[^1][0])}.";
        return shown.Length > MaxAuthorNameLength ? shown[..MaxAuthorNameLength] : shown;
    }
}
