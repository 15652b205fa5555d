using System.Globalization;
using System.IO.Compression;
using System.Text;
using ECommerce.Products.Csv;
using ECommerce.Products.Seeding;

// Rebuilds services/SeedData/online-retail from the full UCI Online Retail file (CC BY 4.0, Daqing Chen et al.):
//   catalog.csv       the products the Products seed takes (its own selection code), with the id, name and category
//                     the seed gives each, so the AI service can map purchases onto the storefront's products;
//   invoices.csv.gz   every purchase line of those products by a known customer (no cancellations or returns).
// Run: dotnet run -c Release --project tools/ECommerce.RetailSeed [-- --data <online_retail.csv.gz>] [--out <dir>] [--count 600]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var root = FindRepositoryRoot();
var data = options.GetValueOrDefault("data") ?? CatalogSeeder.DefaultDatasetPath(root);
if (data is null || !File.Exists(data))
{
    Console.Error.WriteLine($"The full dataset was not found ({data}); pass --data <online_retail.csv.gz>.");
    return 1;
}

var output = options.GetValueOrDefault("out") ?? Path.Combine(root, "services", "SeedData", "online-retail");
var count = int.Parse(options.GetValueOrDefault("count") ?? "600", CultureInfo.InvariantCulture);
Directory.CreateDirectory(output);

var selected = CatalogSeeder.Select(await RetailDataset.ReadAsync(data, CancellationToken.None), count);
var catalogPath = Path.Combine(output, "catalog.csv");
await File.WriteAllLinesAsync(catalogPath, RetailSeedFile.CatalogLines(selected), new UTF8Encoding(false));

var codes = selected.Select(p => p.StockCode).ToHashSet(StringComparer.Ordinal);
var invoicesPath = Path.Combine(output, "invoices.csv.gz");
var (lines, invoices, customers) = (0, new HashSet<string>(), new HashSet<string>());
await using (var target = new StreamWriter(new GZipStream(File.Create(invoicesPath), CompressionLevel.SmallestSize), new UTF8Encoding(false)))
{
    target.NewLine = "\n";
    await target.WriteLineAsync("invoice,customer,stock_code,quantity,unit_price,invoiced_at");
    using var source = new StreamReader(new GZipStream(File.OpenRead(data), CompressionMode.Decompress));
    var header = true;
    await foreach (var f in CsvReader.ReadAsync(source))
    {
        if (header)
        {
            header = false;
            continue;
        }

        // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        if (f.Length < 8 || !codes.Contains(f[1]) || f[0].StartsWith('C') || f[6].Length == 0
            || !int.TryParse(f[3], CultureInfo.InvariantCulture, out var quantity) || quantity <= 0
            || !decimal.TryParse(f[5], CultureInfo.InvariantCulture, out var price) || price <= 0)
        {
            continue;
        }

        var customer = f[6].Split('.')[0];
        await target.WriteLineAsync($"{f[0]},{customer},{f[1]},{quantity},{price.ToString(CultureInfo.InvariantCulture)},{f[4]}");
        lines++;
        invoices.Add(f[0]);
        customers.Add(customer);
    }
}

Console.WriteLine($"{catalogPath}: {selected.Count} products ({new FileInfo(catalogPath).Length:N0} bytes)");
Console.WriteLine($"{invoicesPath}: {lines:N0} lines, {invoices.Count:N0} invoices, {customers.Count:N0} customers ({new FileInfo(invoicesPath).Length:N0} bytes)");
return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run inside the repository (no ECommerce.sln found above the current folder).");
}
