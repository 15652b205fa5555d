using System.Globalization;
using System.Text.Json;

namespace ECommerce.Notifications.Templates;

/// <summary>One language's texts: how it writes numbers and dates, the shared phrases and each template's texts.</summary>
public sealed record TemplateTexts(CultureTexts Culture, Dictionary<string, string> Common, Dictionary<string, TemplateText> Templates);

/// <summary>
/// Number and date conventions of a language. The services run with invariant globalization (no ICU in the chiselled
/// images), so .NET knows no culture but the invariant one: each template file says how its language writes them.
/// </summary>
public sealed record CultureTexts(string DecimalSeparator, string GroupSeparator, string LongDate, string ShortTime, string[] Days, string[] Months)
{
    public CultureInfo ToCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = DecimalSeparator;
        culture.NumberFormat.NumberGroupSeparator = GroupSeparator;
        var dates = culture.DateTimeFormat;
        dates.DayNames = Days;
        dates.MonthNames = [.. Months, ""];
        dates.MonthGenitiveNames = [.. Months, ""];
        dates.LongDatePattern = LongDate;
        dates.ShortTimePattern = ShortTime;
        dates.FullDateTimePattern = LongDate + " " + ShortTime;
        return CultureInfo.ReadOnly(culture);
    }
}

public sealed record TemplateText(string Subject, string[] Body, string? Action = null);

/// <summary>
/// The templates, one JSON file per language embedded in the assembly (Templates/en.json, fr.json), and the choice of
/// language for a shopper's preference: its primary subtag when a file exists for it, English otherwise.
/// </summary>
public sealed class TemplateCatalog
{
    public const string DefaultLanguage = "en";

    private readonly Dictionary<string, TemplateTexts> _languages;
    private readonly Dictionary<string, CultureInfo> _cultures;

    public TemplateCatalog()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        _languages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Templates.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(
                n => n["Templates.".Length..^".json".Length],
                n =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    return JsonSerializer.Deserialize<TemplateTexts>(stream, JsonSerializerOptions.Web)!;
                },
                StringComparer.OrdinalIgnoreCase);
        _cultures = _languages.ToDictionary(l => l.Key, l => l.Value.Culture.ToCulture(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>The supported language for a BCP 47 preference (<c>fr-FR</c> → <c>fr</c>; unknown or null → <c>en</c>).</summary>
    public string Choose(string? preference)
    {
        var primary = preference?.Split('-', '_')[0].Trim();
        return !string.IsNullOrEmpty(primary) && _languages.ContainsKey(primary) ? primary.ToLowerInvariant() : DefaultLanguage;
    }

    /// <summary>Dates and amounts the way the language writes them.</summary>
    public CultureInfo CultureFor(string language) => _cultures[language];

    public TemplateTexts For(string language) => _languages[language];
}
