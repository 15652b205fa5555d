using System.Globalization;
using System.IO.Compression;

namespace ECommerce.AI.Datasets;

/// <summary>A product of the committed derived catalog, with the id the Products seed gives it.</summary>
public sealed record SeedProduct(string StockCode, Guid Id, string Name, string Category, decimal Price);

/// <summary>One purchase line of the derived history (dates as the dataset has them, 2010-12 to 2011-12).</summary>
public sealed record SeedLine(string Invoice, string Customer, string StockCode, int Quantity, decimal UnitPrice, DateTime At);

/// <summary>
/// Reads the derived UCI Online Retail files committed under services/SeedData/online-retail (CC BY 4.0, Daqing Chen;
/// copied beside the service): the seeded catalog's products with the ids Products gives them, and every purchase of
/// them by a known customer. The catalog file is the contract between the two services' seeds: Products makes the ids
/// and names its columns state (a Products test checks it), so history read here lands on the storefront's products.
/// </summary>
public static class RetailSeedFile
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "SeedData", "online-retail");

    public static IReadOnlyList<SeedProduct> ReadCatalog(string folder)
    {
        // stock_code,description,median_price,units_ordered,lines,product_id,name,category
        return [.. File.ReadLines(Path.Combine(folder, "catalog.csv")).Skip(1).Where(l => l.Length > 0).Select(RetailDataset.Split)
            .Select(f => new SeedProduct(f[0], Guid.Parse(f[5]), f[6], f[7], decimal.Parse(f[2], CultureInfo.InvariantCulture)))];
    }

    public static IEnumerable<SeedLine> ReadInvoices(string folder)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(folder, "invoices.csv.gz")), CompressionMode.Decompress));
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            // invoice,customer,stock_code,quantity,unit_price,invoiced_at (no field holds a comma)
            var f = line.Split(',');
            yield return new SeedLine(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture),
                DateTime.ParseExact(f[5], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
        }
    }
}
