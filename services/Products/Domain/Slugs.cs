using System.Text;

namespace ECommerce.Products.Domain;

/// <summary>URL slugs: lowercase ASCII letters and digits separated by single hyphens.</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
