using ECommerce.Products.Domain;

namespace ECommerce.Products.Tests;

/// <summary>
/// A catalog with two families and three standalone products: a shirt in three colours and three sizes (four variants,
/// one out of stock) and a scarf in two colours (no size).
/// </summary>
public sealed class VariantHost : ProductsHost
{
    public Guid ShirtId { get; private set; }

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await AddProductsAsync([("Brass Lantern", "", 30m, "decor", "acme", 4), ("Tea Towel", "", 5m, "kitchen", "wren", 9), ("Oak Spoon", "", 3m, "kitchen", "wren", 0)]);
        ShirtId = await AddFamilyAsync("Linen Shirt", "decor", "acme",
            [new("Colour", ["Blue", "Red", "Green"]), new("Size", ["S", "M", "L"])],
            [(new() { ["Colour"] = "Blue", ["Size"] = "S" }, 20m, 5), (new() { ["Colour"] = "Blue", ["Size"] = "M" }, 20m, 3),
             (new() { ["Colour"] = "Red", ["Size"] = "M" }, 22m, 0), (new() { ["Colour"] = "Green", ["Size"] = "L" }, 24m, 2)]);
        await AddFamilyAsync("Wool Scarf", "toys", "wren", [new("Colour", ["Blue", "Grey"])],
            [(new() { ["Colour"] = "Blue" }, 15m, 4), (new() { ["Colour"] = "Grey" }, 15m, 4)]);
    }

    /// <summary>A family and its variants written directly, as the seeder does; returns the family's id.</summary>
    public async Task<Guid> AddFamilyAsync(string name, string category, string brand, List<ProductOption> options,
        List<(Dictionary<string, string> Values, decimal Price, int Stock)> variants)
    {
        await using var db = NewDbContext();
        var family = new ProductFamily
        {
            Name = name,
            Slug = Slugs.From(name) + "-" + Guid.NewGuid().ToString("N")[..6],
            CategoryId = db.Categories.Single(c => c.Slug == category).Id,
            BrandId = db.Brands.Single(b => b.Slug == brand).Id,
            Options = options,
        };
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        family.Variants.AddRange(variants.Select((v, i) => new Product
        {
            Sku = "V-" + Guid.NewGuid().ToString("N")[..10],
            Name = name,
            Slug = Slugs.From($"{name} {FamilyRules.Label(options, v.Values)}") + "-" + Guid.NewGuid().ToString("N")[..6],
            Price = v.Price,
            CategoryId = family.CategoryId,
            BrandId = family.BrandId,
            OptionValues = v.Values,
            CreatedAt = start.AddSeconds(i),
            Stock = new StockItem { Available = v.Stock },
        }));
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }
}
