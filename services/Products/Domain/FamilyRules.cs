using System.Globalization;

namespace ECommerce.Products.Domain;

/// <summary>
/// What makes a family consistent: named options with distinct values, and variants that each take one listed value of
/// every option and never share a combination (two rows for "Blue / M" would split its stock and its shoppers).
/// </summary>
public static class FamilyRules
{
    public const int MaxOptions = 3;
    public const int MaxValues = 30;
    public const int MaxLength = 40;

    /// <summary>Option names whose values are colours: the colour facet and the swatches read them.</summary>
    public static readonly IReadOnlyList<string> ColourNames = ["Colour", "Color"];

    public const string SizeName = "Size";

    public static void ValidateOptions(ValidationErrors errors, IReadOnlyList<ProductOption>? options)
    {
        if (options is null || options.Count is 0 or > MaxOptions)
        {
            errors.Add("options", $"options holds 1 to {MaxOptions} options.");
            return;
        }

        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (string.IsNullOrWhiteSpace(option.Name) || option.Name.Length > MaxLength)
            {
                errors.Add($"options[{i}].name", $"An option's name is required (at most {MaxLength} characters).");
            }
            else if (options.Take(i).Any(o => string.Equals(o.Name?.Trim(), option.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"options[{i}].name", $"The option '{option.Name}' is listed twice.");
            }

            var values = option.Values ?? [];
            if (values.Count is 0 or > MaxValues || values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxLength))
            {
                errors.Add($"options[{i}].values", $"An option has 1 to {MaxValues} values, each 1 to {MaxLength} characters.");
            }
            else if (values.Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count)
            {
                errors.Add($"options[{i}].values", "An option's values are distinct.");
            }
        }
    }

    /// <summary>
    /// Checks an edit of a family's options: the same names in the same order (a new or renamed option would leave
    /// variants without a value), values valid as on create, and no value dropped that a variant (active or not) still
    /// uses. Returns the options as they will be stored: names and existing values spelled as before, in the new order.
    /// </summary>
    public static List<ProductOption> ValidateOptionEdit(
        ValidationErrors errors, IReadOnlyList<ProductOption> current, IReadOnlyList<ProductOption>? edited,
        IEnumerable<IReadOnlyDictionary<string, string>> variants)
    {
        var names = string.Join(", ", current.Select(o => o.Name));
        if (edited is null || edited.Count != current.Count
            || edited.Zip(current).Any(p => !string.Equals(p.First.Name?.Trim(), p.Second.Name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("options", $"The options stay {names}, in that order; only their values change.");
            return [];
        }

        ValidateOptions(errors, edited);
        var used = variants.ToList();
        var result = new List<ProductOption>();
        for (var i = 0; i < current.Count; i++)
        {
            var option = current[i];
            var values = (edited[i].Values ?? []).Select(v => v?.Trim() ?? "")
                .Select(v => option.Values.FirstOrDefault(old => string.Equals(old, v, StringComparison.OrdinalIgnoreCase)) ?? v).ToList();
            var dropped = option.Values.Where(old => !values.Contains(old, StringComparer.OrdinalIgnoreCase))
                .FirstOrDefault(old => used.Any(u => string.Equals(u.GetValueOrDefault(option.Name), old, StringComparison.OrdinalIgnoreCase)));
            if (dropped is not null && !errors.Has($"options[{i}].values"))
            {
                errors.Add($"options[{i}].values", $"'{dropped}' is a value of a variant; change or keep that variant first.");
            }

            result.Add(new ProductOption(option.Name, values));
        }

        return result;
    }

    /// <summary>
    /// Checks a variant's option values against its family and its siblings' combinations. Returns the values spelled
    /// as the family lists them (whatever case the admin typed), complete when there were no errors.
    /// </summary>
    public static Dictionary<string, string> ValidateVariant(
        ValidationErrors errors, IReadOnlyList<ProductOption> options, IReadOnlyDictionary<string, string>? values,
        IEnumerable<IReadOnlyDictionary<string, string>> siblings)
    {
        var normalised = new Dictionary<string, string>(StringComparer.Ordinal);
        values ??= new Dictionary<string, string>();
        foreach (var option in options)
        {
            var given = values.FirstOrDefault(v => string.Equals(v.Key.Trim(), option.Name, StringComparison.OrdinalIgnoreCase)).Value;
            var listed = given is null ? null : option.Values.FirstOrDefault(v => string.Equals(v, given.Trim(), StringComparison.OrdinalIgnoreCase));
            if (given is null)
            {
                errors.Add($"optionValues.{option.Name}", $"A variant needs a value for the option '{option.Name}' ({string.Join(", ", option.Values)}).");
            }
            else if (listed is null)
            {
                errors.Add($"optionValues.{option.Name}", $"'{given}' is not a value of '{option.Name}' ({string.Join(", ", option.Values)}).");
            }
            else
            {
                normalised[option.Name] = listed;
            }
        }

        foreach (var extra in values.Keys.Where(k => options.All(o => !string.Equals(o.Name, k.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add($"optionValues.{extra}", $"The family has no option '{extra}'.");
        }

        if (normalised.Count == options.Count && siblings.Any(s => SameCombination(s, normalised)))
        {
            errors.Add("optionValues", $"Another variant of the family is already {Label(options, normalised)}.");
        }

        return normalised;
    }

    /// <summary>The variant as shoppers read it, e.g. "Blue / M": its values in the family's option order.</summary>
    public static string Label(IReadOnlyList<ProductOption> options, IReadOnlyDictionary<string, string> values) =>
        string.Join(" / ", options.Select(o => values.GetValueOrDefault(o.Name)).Where(v => v is not null));

    /// <summary>The colour value of a variant, if its family has a colour option.</summary>
    public static string? Colour(IReadOnlyDictionary<string, string> values) =>
        ColourNames.Select(values.GetValueOrDefault).FirstOrDefault(v => v is not null);

    /// <summary>A facet value's slug: the value lower-cased, as the generated columns store it.</summary>
    public static string FacetSlug(string value) => value.Trim().ToLowerInvariant();

    /// <summary>A facet slug shown as a name ("navy blue" → "Navy Blue").</summary>
    public static string FacetName(string slug) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug);

    private static bool SameCombination(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.OrdinalIgnoreCase));
}
