using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.LoadGenerator;

/// <summary>A product as the shoppers know it from the listing.</summary>
public sealed record CatalogProduct(Guid Id, string Sku, string Name, string Category, bool InStock);

/// <summary>What the virtual shoppers browse: the products (paged through once at start), category slugs and search words.</summary>
public sealed class Catalog(IReadOnlyList<CatalogProduct> products, IReadOnlyList<string> categories, IReadOnlyList<string> words)
{
    public IReadOnlyList<CatalogProduct> Products { get; } = products;

    public IReadOnlyList<string> Categories { get; } = categories;

    public IReadOnlyList<string> SearchWords { get; } = words;

    public static async Task<Catalog> LoadAsync(HttpClient gateway, CancellationToken ct)
    {
        var products = new List<CatalogProduct>();
        string? cursor = null;
        do
        {
            var url = "/api/products?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await gateway.GetFromJsonAsync<JsonElement>(url, ct);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                products.Add(new CatalogProduct(item.GetProperty("id").GetGuid(), item.GetProperty("sku").GetString()!,
                    item.GetProperty("name").GetString()!, item.GetProperty("category").GetString()!, item.GetProperty("inStock").GetBoolean()));
            }

            cursor = page.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null && products.Count < 2_000);

        var categories = (await gateway.GetFromJsonAsync<JsonElement>("/api/products/categories", ct))
            .EnumerateArray().Select(c => c.GetProperty("slug").GetString()!).ToList();
        // Search terms shoppers would type: the commoner words of product names.
        var words = products.SelectMany(p => p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4 && w.All(char.IsLetter))
            .GroupBy(w => w.ToLowerInvariant()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(80).Select(g => g.Key).ToList();
        if (products.Count == 0)
        {
            throw new InvalidOperationException("The catalog is empty: nothing to shop for (is the Products seed enabled?).");
        }

        return new Catalog(products, categories, words);
    }
}
