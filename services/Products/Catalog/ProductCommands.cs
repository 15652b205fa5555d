using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

/// <summary>What an outcome of an admin change is: done, the input named a field wrongly, or someone else saved first.</summary>
public enum CommandOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// Admin changes to the catalog. Each saves the change and its events (ProductUpdated, ProductPriceChanged) in one
/// transaction through the outbox, then evicts the cached reads it affects.
/// </summary>
public sealed class ProductCommands(ProductsDbContext db, CatalogCache cache, TimeProvider clock)
{
    public async Task<(CommandOutcome Outcome, Product? Product, ValidationErrors Errors)> CreateAsync(CreateProductRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ProductRules.Validate(errors, request.Sku, request.Name, request.Price, request.Currency, request.Category, request.Brand, request.Description, creating: true);
        ProductRules.ValidateShipping(errors, request.TaxClass, request.WeightGrams);
        if (request.InitialStock is < 0)
        {
            errors.Add("initialStock", "initialStock must not be negative.");
        }

        var category = request.Category is null ? null : await db.Categories.FirstOrDefaultAsync(c => c.Slug == request.Category, ct);
        if (category is null && !errors.Has("category"))
        {
            errors.Add("category", $"There is no category '{request.Category}'.");
        }

        var sku = await db.NewSkuAsync(errors, request.Sku, ct);

        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, null, errors);
        }

        var now = clock.GetUtcNow();
        var product = new Product
        {
            Sku = sku!,
            Name = request.Name!.Trim(),
            Slug = await db.UniqueSlugAsync(request.Name!, sku!, ct),
            Description = request.Description?.Trim() ?? "",
            Price = request.Price!.Value,
            Currency = request.Currency ?? ProductRules.DefaultCurrency,
            TaxClass = request.TaxClass ?? ProductRules.DefaultTaxClass,
            WeightGrams = request.WeightGrams ?? ProductRules.DefaultWeightGrams,
            CategoryId = category!.Id,
            Brand = await db.BrandNamedAsync(request.Brand!, ct),
            Attributes = request.Attributes ?? [],
            CreatedAt = now,
            UpdatedAt = now,
            Stock = new StockItem { Available = request.InitialStock ?? 0 },
        };
        db.Products.Add(product);
        db.AddIntegrationEvent(new ProductUpdated(product.Id, product.Name, category.Slug, product.Active));
        await db.SaveChangesAsync(ct);
        await cache.InvalidateProductAsync(product.Id);
        return (CommandOutcome.Done, product, errors);
    }

    public async Task<(CommandOutcome Outcome, ValidationErrors Errors)> UpdateAsync(Guid id, UpdateProductRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ProductRules.Validate(errors, null, request.Name, request.Price, null, request.Category, request.Brand, request.Description, creating: false);
        ProductRules.ValidateShipping(errors, request.TaxClass, request.WeightGrams);
        if (request.Version is null)
        {
            errors.Add("version", "version (from the product you edited) is required.");
        }

        var product = await db.Products.Include(p => p.Category).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return (CommandOutcome.NotFound, errors);
        }

        // The request carries no currency: the price is checked against the product's own.
        if (!errors.Has("price"))
        {
            ProductRules.ValidatePrecision(errors, request.Price, product.Currency);
        }

        var category = request.Category is null ? product.Category : await db.Categories.FirstOrDefaultAsync(c => c.Slug == request.Category, ct);
        if (category is null && !errors.Has("category"))
        {
            errors.Add("category", $"There is no category '{request.Category}'.");
        }

        if (errors.HasErrors)
        {
            return (CommandOutcome.Invalid, errors);
        }

        // The edit applies only to the version the admin saw; EF adds "AND xmin = @version" to the UPDATE.
        db.Entry(product).Property(p => p.Version).OriginalValue = request.Version!.Value;
        var oldPrice = product.Price;
        var catalogChanged = (request.Name is not null && request.Name.Trim() != product.Name)
            || (request.Description is not null && request.Description.Trim() != product.Description)
            || category!.Id != product.CategoryId
            || (request.Active is { } a && a != product.Active);

        product.Name = request.Name?.Trim() ?? product.Name;
        product.Description = request.Description?.Trim() ?? product.Description;
        product.Price = request.Price ?? product.Price;
        product.Category = category;
        product.Attributes = request.Attributes ?? product.Attributes;
        product.Active = request.Active ?? product.Active;
        product.TaxClass = request.TaxClass ?? product.TaxClass;
        product.WeightGrams = request.WeightGrams ?? product.WeightGrams;
        if (request.Brand is not null)
        {
            product.Brand = await db.BrandNamedAsync(request.Brand, ct);
        }

        product.UpdatedAt = clock.GetUtcNow();
        if (product.Price != oldPrice)
        {
            db.AddIntegrationEvent(new ProductPriceChanged(product.Id, oldPrice, product.Price, product.Currency));
        }

        if (catalogChanged)
        {
            db.AddIntegrationEvent(new ProductUpdated(product.Id, product.Name, category!.Slug, product.Active));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (CommandOutcome.Conflict, errors);
        }

        await InvalidatePagesAsync(product);
        return (CommandOutcome.Done, errors);
    }

    /// <summary>Hides the product from the catalog; existing orders and carts still resolve it (lookup shows active=false).</summary>
    public async Task<CommandOutcome> DeactivateAsync(Guid id, CancellationToken ct)
    {
        var product = await db.Products.Include(p => p.Category).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return CommandOutcome.NotFound;
        }

        if (product.Active)
        {
            product.Active = false;
            product.UpdatedAt = clock.GetUtcNow();
            db.AddIntegrationEvent(new ProductUpdated(product.Id, product.Name, product.Category!.Slug, false));
            await db.SaveChangesAsync(ct);
            await InvalidatePagesAsync(product);
        }

        return CommandOutcome.Done;
    }

    /// <summary>A variant's page lists its siblings with their prices, so a change to one evicts the whole family's pages.</summary>
    private Task InvalidatePagesAsync(Product product) =>
        product.FamilyId is { } familyId ? cache.InvalidateFamilyAsync(db, familyId) : cache.InvalidateProductAsync(product.Id);
}
