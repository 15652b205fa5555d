using System.Globalization;
using ECommerce.Products.Csv;

namespace ECommerce.Products.Seeding;

/// <summary>
/// The derived catalog committed in the repository (<c>services/SeedData/online-retail/catalog.csv</c>, copied beside the
/// service): the UCI Online Retail summary of the products the seed takes, so a fresh clone without <c>../shared</c>
/// seeds the real catalog. Its last three columns (id, name, category) are what this seed makes of each row: the AI
/// service reads them to map the dataset's purchases onto these products (tools/ECommerce.RetailSeed writes the file).
/// </summary>
internal static class RetailSeedFile
{
    public const string Header = "stock_code,description,median_price,units_ordered,lines,product_id,name,category";

    public static string CatalogPath => Path.Combine(AppContext.BaseDirectory, "SeedData", "online-retail", "catalog.csv");

    /// <summary>How many products the committed catalog holds (0 without it).</summary>
    public static int ProductCount => File.Exists(CatalogPath) ? File.ReadLines(CatalogPath).Count(l => l.Length > 0) - 1 : 0;

    public static async Task<List<RetailProduct>> ReadCatalogAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var products = new List<RetailProduct>();
        var header = true;
        await foreach (var f in CsvReader.ReadAsync(reader, ct))
        {
            if (header)
            {
                header = false;
                continue;
            }

            products.Add(new RetailProduct(f[0], f[1], decimal.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return products;
    }

    /// <summary>The catalog file's rows for the selected products, in the seed's order.</summary>
    public static IEnumerable<string> CatalogLines(IReadOnlyList<RetailProduct> selected)
    {
        var categories = CatalogSeeder.CategoriesFor(selected);
        yield return Header;
        for (var i = 0; i < selected.Count; i++)
        {
            var p = selected[i];
            yield return string.Join(',', Quote(p.StockCode), Quote(p.Description), p.MedianPrice.ToString(CultureInfo.InvariantCulture),
                p.UnitsOrdered.ToString(CultureInfo.InvariantCulture), p.Lines.ToString(CultureInfo.InvariantCulture),
                CatalogSeeder.ProductId(p.StockCode).ToString(), Quote(CatalogSeeder.NameFor(p.Description)), categories[i]);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
