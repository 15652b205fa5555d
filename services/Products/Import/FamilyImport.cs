using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Import;

/// <summary>A checked row's place in its family: the values spelled as the family lists them, and the label they read as.</summary>
public sealed record FamilyAssignment(FamilyImport.FamilyState Family, Dictionary<string, string> Values, string Label);

/// <summary>
/// The <c>family</c> and <c>option:&lt;Name&gt;</c> columns of one import. A row names its family by slug or name; a
/// family found in the catalog keeps its options, category and brand (its rows must match them; a value it does not
/// list yet, such as a new colour, is appended), and one not found is created from its rows: its options are the
/// <c>option:</c> columns its first row fills, its category, brand and description its first applied row's. A row is
/// checked (<see cref="CheckAsync"/>) before anything changes and applied (<see cref="Apply"/>) only when it is valid as a
/// whole, so a rejected row creates no family and adds no value.
/// </summary>
public sealed class FamilyImport(ProductsDbContext db, ImportHeader header)
{
    /// <summary>One family as this import sees it: the stored one (or the one being created) and its variants' combinations.</summary>
    public sealed class FamilyState(string name, string key)
    {
        public string Name { get; } = name;

        public string Key { get; } = key;

        public ProductFamily? Entity { get; set; }

        public List<ProductOption> Options { get; set; } = [];

        public string? CategorySlug { get; set; }

        public string? BrandSlug { get; set; }

        /// <summary>SKU → option values of every variant, stored or imported by an earlier row of this file.</summary>
        public Dictionary<string, Dictionary<string, string>> Combinations { get; } = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, FamilyState> _families = new(StringComparer.Ordinal);
    private readonly List<ProductFamily> _stored = [];
    private readonly HashSet<string> _imported = new(StringComparer.Ordinal);

    /// <summary>The families this import created or changed, whose variants' cached pages must go.</summary>
    public IEnumerable<ProductFamily> Touched => _families.Values.Where(f => f.Entity is not null && _imported.Any(f.Combinations.ContainsKey)).Select(f => f.Entity!);

    /// <summary>Reads the stored families any row names, in one query.</summary>
    public async Task LoadAsync(IEnumerable<string[]> rows, CancellationToken ct)
    {
        var cells = rows.Where(r => r.Length == header.Width).Select(r => r[header.FamilyIndex].Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var slugs = cells.Select(Slugs.From).Concat(cells.Select(c => c.ToLowerInvariant())).Distinct().ToList();
        var names = cells.Select(c => c.ToLowerInvariant()).ToList();
        _stored.AddRange(await db.Families.Include(f => f.Category).Include(f => f.Brand)
            .Where(f => slugs.Contains(f.Slug) || names.Contains(f.Name.ToLower())).ToListAsync(ct));
    }

    /// <summary>Checks a row's family columns, recording errors under <c>family</c> and <c>option:&lt;Name&gt;</c>; null when the row names no family.</summary>
    public async Task<FamilyAssignment?> CheckAsync(string[] f, string sku, string categorySlug, string brandSlug, ValidationErrors errors, CancellationToken ct)
    {
        var cell = f[header.FamilyIndex].Trim();
        var given = header.Options.Where(o => f[o.Index].Trim().Length > 0).ToDictionary(o => o.Name, o => f[o.Index].Trim(), StringComparer.OrdinalIgnoreCase);
        if (cell.Length == 0)
        {
            errors.Check(given.Count == 0, ImportHeader.FamilyColumn, "A row with option values names its family.");
            return null;
        }

        if (cell.Length > 200 || Slugs.From(cell).Length == 0)
        {
            errors.Add(ImportHeader.FamilyColumn, "family is a family's slug or name (at most 200 characters, with a letter or digit).");
            return null;
        }

        var family = await FamilyNamedAsync(cell, errors, ct);
        if (family is null)
        {
            return null;
        }

        var options = family.Options.Count > 0 ? family.Options : header.Options.Where(o => given.ContainsKey(o.Name)).Select(o => new ProductOption(o.Name, [])).ToList();
        if (options.Count is 0 or > FamilyRules.MaxOptions)
        {
            errors.Add(ImportHeader.FamilyColumn, $"A family's first row gives a value in 1 to {FamilyRules.MaxOptions} option: columns; those become its options.");
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var value = given.GetValueOrDefault(option.Name);
            var listed = value is null ? null : option.Values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
            if (value is null)
            {
                errors.Add(ImportHeader.OptionField(option.Name), $"The family '{family.Name}' has the option '{option.Name}'; this row gives it no value.");
            }
            else if (listed is null && (value.Length > FamilyRules.MaxLength || option.Values.Count >= FamilyRules.MaxValues))
            {
                errors.Add(ImportHeader.OptionField(option.Name), $"A new value is at most {FamilyRules.MaxLength} characters, and an option has at most {FamilyRules.MaxValues} values.");
            }
            else
            {
                values[option.Name] = listed ?? value;
            }
        }

        foreach (var extra in given.Keys.Where(k => options.All(o => !string.Equals(o.Name, k, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add(ImportHeader.OptionField(extra), $"The family '{family.Name}' has no option '{extra}' (its options: {string.Join(", ", options.Select(o => o.Name))}).");
        }

        errors.Check(family.CategorySlug is null || family.CategorySlug == categorySlug, "category", $"The rows of family '{family.Name}' share its category '{family.CategorySlug}'.");
        errors.Check(family.BrandSlug is null || family.BrandSlug == brandSlug, "brand", $"The rows of family '{family.Name}' share its brand ({family.BrandSlug}).");
        var label = FamilyRules.Label(options, values);
        var twin = family.Combinations.FirstOrDefault(c => c.Key != sku && c.Value.Count == values.Count
            && c.Value.All(kv => string.Equals(values.GetValueOrDefault(kv.Key), kv.Value, StringComparison.OrdinalIgnoreCase)));
        if (values.Count == options.Count && twin.Key is not null)
        {
            errors.Add(ImportHeader.FamilyColumn, $"The variant {twin.Key} of '{family.Name}' is already {label}.");
        }

        if (family.Options.Count == 0 && !errors.HasErrors)
        {
            family.Options = options;
        }

        return new FamilyAssignment(family, values, label);
    }

    /// <summary>Makes the checked row's product a variant: creates its family on its first row, appends any new value.</summary>
    public void Apply(FamilyAssignment assignment, Product product, Category category, Brand brand)
    {
        var family = assignment.Family;
        foreach (var option in family.Options)
        {
            var value = assignment.Values[option.Name];
            if (!option.Values.Contains(value, StringComparer.Ordinal))
            {
                option.Values.Add(value);
            }
        }

        if (family.Entity is null)
        {
            family.Entity = new ProductFamily { Name = family.Name, Slug = family.Key, Description = product.Description, CategoryId = category.Id, Brand = brand };
            family.CategorySlug = category.Slug;
            family.BrandSlug = brand.Slug;
            db.Families.Add(family.Entity);
        }

        // A fresh list each time, so the change tracker compares the jsonb by value and saves the appended values.
        family.Entity.Options = family.Options.Select(o => new ProductOption(o.Name, [.. o.Values])).ToList();
        foreach (var other in _families.Values.Where(o => o != family))
        {
            other.Combinations.Remove(product.Sku);
        }

        family.Combinations[product.Sku] = assignment.Values;
        _imported.Add(product.Sku);
        product.Family = family.Entity;
        product.OptionValues = assignment.Values;
    }

    private async Task<FamilyState?> FamilyNamedAsync(string cell, ValidationErrors errors, CancellationToken ct)
    {
        var slug = Slugs.From(cell);
        var stored = _stored.Where(f => f.Slug == slug || string.Equals(f.Slug, cell, StringComparison.OrdinalIgnoreCase)).Take(1).ToList();
        if (stored.Count == 0)
        {
            stored = _stored.Where(f => string.Equals(f.Name, cell, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        if (stored.Count > 1)
        {
            errors.Add(ImportHeader.FamilyColumn, $"Several families are named '{cell}'; name one by its slug ({string.Join(", ", stored.Select(s => s.Slug))}).");
            return null;
        }

        var key = stored.Count == 1 ? stored[0].Slug : slug;
        if (_families.TryGetValue(key, out var known))
        {
            return known;
        }

        var state = new FamilyState(stored.Count == 1 ? stored[0].Name : cell, key);
        if (stored is [var entity])
        {
            state.Entity = entity;
            state.Options = entity.Options.Select(o => new ProductOption(o.Name, [.. o.Values])).ToList();
            state.CategorySlug = entity.Category!.Slug;
            state.BrandSlug = entity.Brand!.Slug;
            var variants = await db.Products.AsNoTracking().Where(p => p.FamilyId == entity.Id).Select(p => new { p.Sku, p.OptionValues }).ToListAsync(ct);
            foreach (var variant in variants.Where(v => !_imported.Contains(v.Sku)))
            {
                state.Combinations[variant.Sku] = variant.OptionValues;
            }
        }

        _families[key] = state;
        return state;
    }
}
