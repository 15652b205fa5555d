using ECommerce.Products.Domain;

namespace ECommerce.Products.Import;

/// <summary>
/// The columns of an import file: the eight product columns in their fixed order, then optionally <c>family</c> and any
/// <c>option:&lt;Name&gt;</c> columns in any order. Without the optional ones a file imports exactly as before.
/// </summary>
public sealed record ImportHeader(int Width, int FamilyIndex, IReadOnlyList<(string Name, int Index)> Options)
{
    public const string FamilyColumn = "family";
    public const string OptionPrefix = "option:";

    public bool HasFamilies => FamilyIndex >= 0;

    /// <summary>The row's field name for an option's column, as the header spells it.</summary>
    public static string OptionField(string option) => OptionPrefix + option;

    /// <summary>The header read, or the reason it is not one (reported as row 1, field <c>header</c>).</summary>
    public static (ImportHeader? Header, string? Problem) Parse(string[] fields)
    {
        var columns = ProductImporter.Columns;
        var expected = $"The header must be: {string.Join(',', columns)}, optionally followed by {FamilyColumn} and {OptionPrefix}<Name> columns (such as {OptionPrefix}Colour).";
        var names = fields.Select(f => f.Trim()).ToArray();
        if (names.Length < columns.Length || !names.Take(columns.Length).Select(n => n.ToLowerInvariant()).SequenceEqual(columns))
        {
            return (null, expected);
        }

        var familyIndex = -1;
        var options = new List<(string Name, int Index)>();
        for (var i = columns.Length; i < names.Length; i++)
        {
            if (string.Equals(names[i], FamilyColumn, StringComparison.OrdinalIgnoreCase) && familyIndex < 0)
            {
                familyIndex = i;
            }
            else if (names[i].StartsWith(OptionPrefix, StringComparison.OrdinalIgnoreCase)
                && names[i][OptionPrefix.Length..].Trim() is { Length: > 0 and <= FamilyRules.MaxLength } option
                && options.All(o => !string.Equals(o.Name, option, StringComparison.OrdinalIgnoreCase)))
            {
                options.Add((option, i));
            }
            else
            {
                return (null, $"The column '{names[i]}' is unknown or repeated. {expected}");
            }
        }

        if (options.Count > 0 && familyIndex < 0)
        {
            return (null, $"{OptionPrefix}<Name> columns need a {FamilyColumn} column naming each row's family.");
        }

        if (familyIndex >= 0 && options.Count == 0)
        {
            return (null, $"A {FamilyColumn} column needs at least one {OptionPrefix}<Name> column (such as {OptionPrefix}Colour).");
        }

        return (new ImportHeader(names.Length, familyIndex, options), null);
    }
}
