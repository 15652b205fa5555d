using System.Net;
using System.Text.Json;

namespace ECommerce.ServiceDefaults.Brand;

/// <summary>
/// The store's brand from web/src/brand.json, the one file the storefront (at build), the Auth pages and the e-mails
/// read: this assembly embeds it as a linked resource, so <c>dotnet publish</c> of any service carries the file as it
/// was when the service was built, and a rebrand is one edit that all three pick up on their next build.
/// </summary>
public sealed record StoreBrand(string Name, string Tagline, string SupportEmail, BrandColours Colours, string FontStack, string LogoSvg)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The brand this build embeds.</summary>
    public static StoreBrand Current { get; } = Load();

    /// <summary>The logo as standalone SVG in the brand's colours (the storefront fills the same tokens with CSS variables).</summary>
    public string Logo => LogoSvg.Replace("{brand}", Colours.Brand, StringComparison.Ordinal).Replace("{brandInk}", Colours.BrandInk, StringComparison.Ordinal);

    /// <summary>The logo as a data URL: the favicon of the Auth pages, the same one the storefront's index.html carries.</summary>
    public string FaviconHref => "data:image/svg+xml," + Uri.EscapeDataString(Logo);

    /// <summary>The name, HTML-encoded for a page or a mail.</summary>
    public string HtmlName => WebUtility.HtmlEncode(Name);

    public static StoreBrand Parse(Stream json) =>
        JsonSerializer.Deserialize<StoreBrand>(json, Json) ?? throw new InvalidOperationException("brand.json is empty.");

    private static StoreBrand Load()
    {
        using var stream = typeof(StoreBrand).Assembly.GetManifestResourceStream("Brand.json")
            ?? throw new InvalidOperationException("brand.json is not embedded: see ECommerce.ServiceDefaults.csproj.");
        return Parse(stream);
    }
}

/// <summary>The brand's colours: its own and the text on it, and the accent (buttons, links) and the text on that.</summary>
public sealed record BrandColours(string Brand, string BrandInk, string Accent, string AccentInk);
