using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

/// <summary>
/// Admin changes to configurable products: create a family with its options, add a variant (a product row of the
/// family), change a variant's option values. Every variant's page shows its siblings, so a change evicts them all.
/// </summary>
public sealed class FamilyCommands(ProductsDbContext db, CatalogCache cache, TimeProvider clock)
{
    public async Task<(ProductFamily? Family, ValidationErrors Errors)> CreateAsync(CreateFamilyRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ProductRules.Validate(errors, "family", request.Name, 0m, null, request.Category, request.Brand, request.Description, creating: true);
        FamilyRules.ValidateOptions(errors, request.Options);
        var category = request.Category is null ? null : await db.Categories.FirstOrDefaultAsync(c => c.Slug == request.Category, ct);
        if (category is null && !errors.Has("category"))
        {
            errors.Add("category", $"There is no category '{request.Category}'.");
        }

        if (errors.HasErrors)
        {
            return (null, errors);
        }

        var slug = Slugs.From(request.Name!);
        if (await db.Families.AnyAsync(f => f.Slug == slug, ct))
        {
            slug = Slugs.From($"{request.Name![..Math.Min(request.Name!.Length, 60)]} {Guid.NewGuid().ToString("N")[..8]}");
        }

        var family = new ProductFamily
        {
            Name = request.Name!.Trim(),
            Slug = slug,
            Description = request.Description?.Trim() ?? "",
            CategoryId = category!.Id,
            Brand = await db.BrandNamedAsync(request.Brand!, ct),
            Options = request.Options!.Select(Stored).ToList(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Families.Add(family);
        await db.SaveChangesAsync(ct);
        return (family, errors);
    }

    public async Task<(CommandOutcome Outcome, Product? Variant, ValidationErrors Errors)> AddVariantAsync(Guid familyId, CreateVariantRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var family = await db.Families.Include(f => f.Category).FirstOrDefaultAsync(f => f.Id == familyId, ct);
        if (family is null)
        {
            return (CommandOutcome.NotFound, null, errors);
        }

        ProductRules.Validate(errors, request.Sku, family.Name, request.Price, request.Currency, family.Category!.Slug, "brand", null, creating: true);
        ProductRules.ValidateShipping(errors, request.TaxClass, request.WeightGrams);
        errors.Check(request.InitialStock is null or >= 0, "initialStock", "initialStock must not be negative.");
        var siblings = await db.Products.Where(p => p.FamilyId == familyId).Select(p => p.OptionValues).ToListAsync(ct);
        var values = FamilyRules.ValidateVariant(errors, family.Options, request.OptionValues, siblings);
        var sku = await db.NewSkuAsync(errors, request.Sku, ct);

        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow();
        var label = FamilyRules.Label(family.Options, values);
        var variant = new Product
        {
            Sku = sku!,
            Name = family.Name,
            Slug = await db.UniqueSlugAsync($"{family.Name} {label}", sku!, ct),
            Description = family.Description,
            Price = request.Price!.Value,
            Currency = request.Currency ?? ProductRules.DefaultCurrency,
            TaxClass = request.TaxClass ?? ProductRules.DefaultTaxClass,
            WeightGrams = request.WeightGrams ?? ProductRules.DefaultWeightGrams,
            CategoryId = family.CategoryId,
            BrandId = family.BrandId,
            FamilyId = family.Id,
            OptionValues = values,
            CreatedAt = now,
            UpdatedAt = now,
            Stock = new StockItem { Available = request.InitialStock ?? 0 },
        };
        db.Products.Add(variant);
        db.AddIntegrationEvent(new ProductUpdated(variant.Id, variant.Name, family.Category.Slug, variant.Active));
        await db.SaveChangesAsync(ct);
        await InvalidateFamilyAsync(family.Id);
        return (CommandOutcome.Done, variant, errors);
    }

    public async Task<(CommandOutcome Outcome, ValidationErrors Errors)> UpdateOptionsAsync(Guid variantId, UpdateVariantOptionsRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var variant = await db.Products.Include(p => p.Family).FirstOrDefaultAsync(p => p.Id == variantId, ct);
        if (variant?.Family is not { } family)
        {
            return (CommandOutcome.NotFound, errors);
        }

        var siblings = await db.Products.Where(p => p.FamilyId == family.Id && p.Id != variantId).Select(p => p.OptionValues).ToListAsync(ct);
        var values = FamilyRules.ValidateVariant(errors, family.Options, request.OptionValues, siblings);
        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, errors);
        }

        variant.OptionValues = values;
        variant.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await InvalidateFamilyAsync(family.Id);
        return (CommandOutcome.Done, errors);
    }

    /// <summary>
    /// An option as the family keeps it: trimmed, and a size option's values in size order (XS, S, M, L, XL… then
    /// numbers), so the picker and the size facet read them as a shopper does whatever order the admin typed.
    /// </summary>
    private static ProductOption Stored(ProductOption option)
    {
        var values = option.Values.Select(v => v.Trim()).ToList();
        return new ProductOption(option.Name.Trim(), SizeOrder.IsSizeOption(option.Name) ? SizeOrder.Sort(values) : values);
    }

    /// <summary>Evicts every variant's page (each lists its siblings) and the lists.</summary>
    public Task InvalidateFamilyAsync(Guid familyId) => cache.InvalidateFamilyAsync(db, familyId);
}
