using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

/// <summary>
/// The back office's edits of an existing family: its shared details, its options' values and their order, and a
/// variant shown or hidden. Each saves with its events in one transaction, then evicts every variant's page (each page
/// lists its siblings) through <see cref="FamilyCommands.InvalidateFamilyAsync"/>.
/// </summary>
public sealed class FamilyEdits(ProductsDbContext db, FamilyCommands commands, TimeProvider clock)
{
    /// <summary>
    /// Name and description reach the variants that still carry the family's (a seeded variant keeps its own name, so
    /// a search for "red mug" still finds the red one); category and brand reach every variant.
    /// </summary>
    public async Task<(CommandOutcome Outcome, ValidationErrors Errors)> UpdateAsync(Guid id, UpdateFamilyRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ProductRules.Validate(errors, null, request.Name, null, null, request.Category, request.Brand, request.Description, creating: false);
        var family = await db.Families.Include(f => f.Category).Include(f => f.Variants).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return (CommandOutcome.NotFound, errors);
        }

        var category = request.Category is null || errors.Has("category") ? family.Category : await db.Categories.FirstOrDefaultAsync(c => c.Slug == request.Category, ct);
        if (category is null)
        {
            errors.Add("category", $"There is no category '{request.Category}'.");
        }

        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, errors);
        }

        var (oldName, oldDescription) = (family.Name, family.Description);
        family.Name = request.Name?.Trim() ?? family.Name;
        family.Description = request.Description?.Trim() ?? family.Description;
        family.Category = category!;
        if (request.Brand is not null)
        {
            family.Brand = await db.BrandNamedAsync(request.Brand, ct);
        }

        var now = clock.GetUtcNow();
        foreach (var variant in family.Variants)
        {
            var changed = variant.CategoryId != category!.Id || (variant.Name == oldName && oldName != family.Name);
            variant.Name = variant.Name == oldName ? family.Name : variant.Name;
            variant.Description = variant.Description == oldDescription ? family.Description : variant.Description;
            variant.Category = category;
            variant.Brand = family.Brand;
            variant.UpdatedAt = now;
            if (changed)
            {
                db.AddIntegrationEvent(new ProductUpdated(variant.Id, variant.Name, category.Slug, variant.Active));
            }
        }

        await db.SaveChangesAsync(ct);
        await commands.InvalidateFamilyAsync(family.Id);
        return (CommandOutcome.Done, errors);
    }

    /// <summary>New values (a new colour) and a new display order; see <see cref="FamilyRules.ValidateOptionEdit"/>.</summary>
    public async Task<(CommandOutcome Outcome, ValidationErrors Errors)> UpdateOptionsAsync(Guid id, UpdateFamilyOptionsRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var family = await db.Families.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (family is null)
        {
            return (CommandOutcome.NotFound, errors);
        }

        var used = await db.Products.Where(p => p.FamilyId == id).Select(p => p.OptionValues).ToListAsync(ct);
        var options = FamilyRules.ValidateOptionEdit(errors, family.Options, request.Options, used);
        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, errors);
        }

        family.Options = options;
        await db.SaveChangesAsync(ct);
        await commands.InvalidateFamilyAsync(family.Id);
        return (CommandOutcome.Done, errors);
    }

    /// <summary>
    /// Hides a variant from shoppers, or shows it again. Its combination stays taken while hidden, so showing it again
    /// never clashes with a sibling; a variant is never deleted (orders and reviews point at it).
    /// </summary>
    public async Task<(CommandOutcome Outcome, Guid? FamilyId, ValidationErrors Errors)> SetActiveAsync(Guid variantId, VariantActiveRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(request.Active is not null, "active", "active (true to show the variant, false to hide it) is required.");
        var variant = await db.Products.Include(p => p.Category).FirstOrDefaultAsync(p => p.Id == variantId && p.FamilyId != null, ct);
        if (variant is null)
        {
            return (CommandOutcome.NotFound, null, errors);
        }

        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, null, errors);
        }

        if (variant.Active != request.Active)
        {
            variant.Active = request.Active!.Value;
            variant.UpdatedAt = clock.GetUtcNow();
            db.AddIntegrationEvent(new ProductUpdated(variant.Id, variant.Name, variant.Category!.Slug, variant.Active));
            await db.SaveChangesAsync(ct);
            await commands.InvalidateFamilyAsync(variant.FamilyId!.Value);
        }

        return (CommandOutcome.Done, variant.FamilyId, errors);
    }
}
