using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Collections;

/// <summary>
/// Checks a collection request field by field (each error names its field) and applies it to the entity when valid.
/// Category and brand slugs must exist now; a rule's products are found when it is read, so it may be empty today.
/// </summary>
public sealed class CollectionValidation(ProductsDbContext db, CatalogLookups lookups)
{
    public async Task<ValidationErrors> ApplyAsync(CollectionRequest request, Collection target, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var title = errors.Text("title", request.Title, CollectionRules.MaxTitleLength, required: true);
        var description = errors.Text("description", request.Description, CollectionRules.MaxDescriptionLength, required: false);
        // Plain text as reviews are: no control or format characters (bidi overrides, zero-width) in what the home page shows.
        errors.Check(title is null || errors.Has("title") || ReviewRules.IsPlainText(title), "title", "title must be plain text: no control characters.");
        errors.Check(description is null || errors.Has("description") || ReviewRules.IsPlainText(description), "description", "description must be plain text: no control characters.");

        var slug = string.IsNullOrWhiteSpace(request.Slug) ? Slugs.From(title ?? "") : request.Slug.Trim();
        if (!errors.Has("title") && (slug.Length == 0 || Slugs.From(slug) != slug))
        {
            errors.Add("slug", "slug must be lowercase letters and digits separated by single hyphens (at most 80 characters).");
        }
        else if (slug.Length > 0 && await db.Collections.AnyAsync(c => c.Slug == slug && c.Id != target.Id, ct))
        {
            errors.Add("slug", $"A collection '{slug}' exists.");
        }

        var kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            "rule" => CollectionKind.Rule,
            "manual" => CollectionKind.Manual,
            _ => (CollectionKind?)null,
        };
        errors.Check(kind is not null, "kind", "kind must be rule or manual.");

        var catalog = await lookups.GetAsync(ct);
        var categories = KnownSlugs(request.Categories, "categories", catalog.Categories.Select(c => c.Slug), errors);
        var brands = KnownSlugs(request.Brands, "brands", catalog.Brands.Select(b => b.Slug), errors);
        errors.Check(request.MinPrice is null or >= 0 and <= 1_000_000m, "minPrice", "minPrice must be a number from 0 to 1,000,000.");
        errors.Check(request.MaxPrice is null or >= 0 and <= 1_000_000m, "maxPrice", "maxPrice must be a number from 0 to 1,000,000.");
        errors.Check(request.MinPrice is null || request.MaxPrice is null || request.MinPrice <= request.MaxPrice, "maxPrice", "maxPrice must not be below minPrice.");
        errors.Check(request.MinRating is null or >= 1 and <= 4, "minRating", "minRating must be a whole number from 1 to 4.");
        var sort = request.Sort?.Trim().ToLowerInvariant();
        errors.Check(sort is null || CollectionRules.Sorts.Contains(sort), "sort", $"sort must be one of {string.Join(", ", CollectionRules.Sorts)}.");
        errors.Check(request.Position is null or >= 0 and <= 10_000, "position", "position must be a whole number from 0 to 10,000.");

        var ids = (request.ProductIds ?? []).Distinct().ToList();
        errors.Check(kind != CollectionKind.Rule || ids.Count == 0, "productIds", "A rule collection finds its products: leave productIds out.");
        if (kind == CollectionKind.Manual)
        {
            if (ids.Count is 0 or > CollectionRules.MaxProducts)
            {
                errors.Add("productIds", $"A manual collection lists 1 to {CollectionRules.MaxProducts} products.");
            }
            else
            {
                var known = await db.Products.Where(p => ids.Contains(p.Id) && p.Active).Select(p => p.Id).ToListAsync(ct);
                var unknown = ids.Except(known).ToList();
                errors.Check(unknown.Count == 0, "productIds", $"No active product has the id {string.Join(", ", unknown.Take(3))}.");
            }
        }

        if (errors.HasErrors)
        {
            return errors;
        }

        target.Slug = slug;
        target.Title = title!;
        target.Description = description;
        target.Kind = kind!.Value;
        // A manual list keeps only its ids and a rule only its filter, so switching kind leaves nothing stale behind.
        var rule = target.Kind == CollectionKind.Rule;
        target.CategorySlugs = rule ? categories : [];
        target.BrandSlugs = rule ? brands : [];
        (target.MinPrice, target.MaxPrice, target.MinRating, target.Sort) = rule ? (request.MinPrice, request.MaxPrice, request.MinRating, sort) : (null, null, null, null);
        target.ProductIds = rule ? [] : ids;
        target.Position = request.Position ?? target.Position;
        target.ShowOnHome = request.ShowOnHome ?? target.ShowOnHome;
        target.Active = request.Active ?? target.Active;
        return errors;
    }

    private static List<string> KnownSlugs(string[]? values, string field, IEnumerable<string> known, ValidationErrors errors)
    {
        var slugs = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        if (slugs.Count > CollectionRules.MaxSlugs)
        {
            errors.Add(field, $"At most {CollectionRules.MaxSlugs} {field} may be given.");
            return slugs;
        }

        var unknown = slugs.Except(known).ToList();
        errors.Check(unknown.Count == 0, field, $"There is no {field[..^1].Replace("ie", "y", StringComparison.Ordinal)} '{string.Join("', '", unknown.Take(3))}'.");
        return slugs;
    }
}
