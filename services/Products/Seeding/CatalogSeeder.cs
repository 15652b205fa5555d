using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Seeding;

/// <summary>
/// The development catalog: from the UCI Online Retail dataset (real names, median prices, categories from keywords) —
/// the committed derived catalog of its 600 most ordered products (services/SeedData/online-retail), or the full file
/// beside the repository for more — otherwise generated. Deterministic either way: the same input gives the same ids,
/// slugs, prices and stock, so links and test data survive a reset.
/// </summary>
public sealed class CatalogSeeder(ProductsDbContext db, IOptions<SeedOptions> options, IHostEnvironment environment, ILogger<CatalogSeeder> logger)
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Products.AnyAsync(ct))
        {
            return 0;
        }

        var o = options.Value;
        var path = o.DatasetPath ?? DefaultSource(environment.ContentRootPath, o.ProductCount);
        List<RetailProduct> source;
        if (path is not null && File.Exists(path))
        {
            // The committed derived catalog (.csv) is the full dataset's summary of the same products: same selection.
            var products = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? await RetailSeedFile.ReadCatalogAsync(path, ct)
                : await RetailDataset.ReadAsync(path, ct);
            source = Select(products, o.ProductCount);
            logger.LogInformation("Seeding {Count} products from {Path}", source.Count, path);
        }
        else
        {
            source = SyntheticCatalog.Generate(o.ProductCount);
            logger.LogInformation("Retail dataset not found ({Path}); seeding {Count} generated products", path, source.Count);
        }

        var categories = await EnsureCategoriesAsync(ct);
        var brands = SeedCategories.Brands.Select(n => new Brand { Name = n, Slug = Slugs.From(n) }).ToList();
        db.Brands.AddRange(brands);

        var slugs = new HashSet<string>();
        var seeded = new List<Product>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var item = source[i];
            var name = NameFor(item.Description);
            var leaf = SeedCategories.LeafFor(item.Description);
            var hash = Hash(item.StockCode);
            var slug = Slugs.From(name);
            if (!slugs.Add(slug))
            {
                slug = Slugs.From($"{name} {item.StockCode}");
                slugs.Add(slug);
            }

            seeded.Add(new Product
            {
                Id = ProductId(item.StockCode),
                Sku = item.StockCode,
                Name = name,
                Slug = slug,
                Description = Describe(name, categories[leaf].Name, hash[16]),
                Price = item.MedianPrice,
                Currency = "GBP",
                Category = categories[leaf],
                Brand = brands[hash[17] % brands.Count],
                Attributes = new Dictionary<string, string> { ["material"] = Materials[hash[18] % Materials.Length] },
                CreatedAt = Epoch.AddMinutes(-i * 37),
                UpdatedAt = Epoch,
                // Every tenth product scarce, a few sold out: the storefront shows both states.
                Stock = new StockItem { Available = hash[19] % 10 == 0 ? hash[20] % 3 : 20 + hash[20] % 180, Sold = item.UnitsOrdered },
            });
        }

        db.Products.AddRange(seeded);
        AddFamilies(seeded, source, slugs);
        await db.SaveChangesAsync(ct);
        return source.Count;
    }

    /// <summary>The products the seed takes: the most often ordered (most invoice lines), ties by stock code.</summary>
    internal static List<RetailProduct> Select(IEnumerable<RetailProduct> products, int count) =>
        products.OrderByDescending(p => p.Lines).ThenBy(p => p.StockCode, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>A seeded product's id: derived from its stock code, so the AI service's seeded history can name it.</summary>
    internal static Guid ProductId(string stockCode) => new(Hash(stockCode).AsSpan(0, 16));

    internal static string NameFor(string description) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(description.ToLowerInvariant());

    /// <summary>Each seeded product's category slug: its own keyword leaf, or its family's (the first member's).</summary>
    internal static string[] CategoriesFor(IReadOnlyList<RetailProduct> source)
    {
        var leaves = source.Select(p => SeedCategories.LeafFor(p.Description)).ToArray();
        foreach (var group in FamilyGrouping.Find(source.Select(p => p.Description).ToList()))
        {
            var first = leaves[group.Members[0].Index];
            group.Members.ForEach(m => leaves[m.Index] = first);
        }

        return leaves;
    }

    /// <summary>
    /// The committed derived catalog (a fresh clone has it) when it holds enough products, else the full dataset beside
    /// the repository, else the derived catalog anyway (fewer products rather than generated ones).
    /// </summary>
    private static string? DefaultSource(string start, int count)
    {
        var derived = RetailSeedFile.CatalogPath;
        if (File.Exists(derived) && count <= RetailSeedFile.ProductCount)
        {
            return derived;
        }

        var full = DefaultDatasetPath(start);
        return full is not null && File.Exists(full) ? full : File.Exists(derived) ? derived : full;
    }

    /// <summary>
    /// Groups the products whose names differ only by a colour or size word into families (<see cref="FamilyGrouping"/>):
    /// each keeps its own name (so a search for "red mug" ranks the red one first), SKU, price and stock, and takes the
    /// family's category and brand (its first member's) so the family lists and filters as one item.
    /// </summary>
    private void AddFamilies(List<Product> products, List<RetailProduct> source, HashSet<string> slugs)
    {
        foreach (var group in FamilyGrouping.Find(source.Select(p => p.Description).ToList()))
        {
            var first = products[group.Members[0].Index];
            var options = new List<ProductOption>();
            if (group.HasColour)
            {
                options.Add(new ProductOption("Colour", group.Members.Select(m => m.Colour!).Distinct().ToList()));
            }

            if (group.HasSize)
            {
                // Mini, Small, Medium, Large, Jumbo whichever member came first: the option lists them as a shopper reads them.
                options.Add(new ProductOption(FamilyRules.SizeName, SizeOrder.Sort(group.Members.Select(m => m.Size!).Distinct())));
            }

            // One key can hold a colour family and a size family ("RED TOTE BAG"s and "SMALL TOTE BAG"s): each its own.
            var shape = $"{group.Key}|{group.HasColour}|{group.HasSize}";
            var slug = Slugs.From(group.Name);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = Slugs.From($"{group.Name} range {n}");
            }

            var family = new ProductFamily
            {
                Id = new Guid(Hash("family:" + shape).AsSpan(0, 16)),
                Name = group.Name,
                Slug = slug,
                Description = first.Description,
                Category = first.Category,
                Brand = first.Brand,
                Options = options,
                CreatedAt = first.CreatedAt,
            };
            db.Families.Add(family);
            foreach (var member in group.Members)
            {
                var variant = products[member.Index];
                variant.Family = family;
                variant.Category = first.Category;
                variant.Brand = first.Brand;
                variant.OptionValues = options.ToDictionary(o => o.Name, o => o.Name == FamilyRules.SizeName ? member.Size! : member.Colour!);
            }
        }
    }

    private async Task<Dictionary<string, Category>> EnsureCategoriesAsync(CancellationToken ct)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Slug, ct);
        foreach (var (slug, name) in SeedCategories.Roots.Where(r => !existing.ContainsKey(r.Slug)))
        {
            existing[slug] = db.Categories.Add(new Category { Slug = slug, Name = name }).Entity;
        }

        foreach (var leaf in SeedCategories.Leaves.Where(l => !existing.ContainsKey(l.Slug)))
        {
            existing[leaf.Slug] = db.Categories.Add(new Category { Slug = leaf.Slug, Name = leaf.Name, Parent = existing[leaf.Parent] }).Entity;
        }

        return existing;
    }

    private static readonly string[] Materials = ["ceramic", "cotton", "glass", "metal", "paper", "wood", "enamel", "resin"];

    private static readonly string[] Openers =
    [
        "A customer favourite", "Made to be given", "Small, bright and useful", "Classic design with a modern touch",
        "Hand-finished detail", "A timeless piece",
    ];

    private static string Describe(string name, string category, byte pick) =>
        $"{Openers[pick % Openers.Length]}: the {name} from our {category} range. Packed with care and shipped from our UK warehouse.";

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes("ecommerce-seed:" + text));

    /// <summary>
    /// <c>../shared/data/online_retail.csv.gz</c> relative to the repository root (the folder with ECommerce.sln), or
    /// the first <c>shared/data</c> holding it further up (a worktree under <c>wt/</c> shares its clone's data).
    /// </summary>
    public static string? DefaultDatasetPath(string start)
    {
        var root = new DirectoryInfo(start);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ECommerce.sln")))
        {
            root = root.Parent;
        }

        for (var dir = root?.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "online_retail.csv.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return root is null ? null : Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "data", "online_retail.csv.gz"));
    }
}
