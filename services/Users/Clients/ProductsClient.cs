using System.ComponentModel.DataAnnotations;

namespace ECommerce.Users.Clients;

/// <summary>What Products' lookup says about a product now: the fields of its agreed answer the wishlist shows.</summary>
public sealed record ProductInfo(Guid Id, string Name, string Slug, decimal Price, string Currency, int Available, bool Active, string? ImageUrl)
{
    public bool InStock => Available > 0;
}

/// <summary>Where Products answers (section <c>Users:Products</c>): <c>http://products</c>, resolved by service discovery; tests point it at a stand-in.</summary>
public sealed class ProductsAddress
{
    [Required]
    public Uri BaseAddress { get; set; } = null!;
}

/// <summary>
/// Products' lookup (<c>POST /api/products/lookup</c>, the contract Orders' carts use): live price and availability by id.
/// Called without the customer's token: the lookup is public, and Products need not know whose wishlist asks.
/// </summary>
public sealed class ProductsClient(HttpClient http)
{
    /// <summary>The contract's limit on ids per call; larger sets are split.</summary>
    public const int MaxIdsPerLookup = 100;

    private sealed record LookupRequest(IReadOnlyList<Guid> Ids);

    /// <summary>Products that exist, by id; unknown ids are simply absent. Throws <see cref="DependencyUnavailableException"/> when Products cannot answer.</summary>
    public Task<IReadOnlyDictionary<Guid, ProductInfo>> LookupAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        DependencyUnavailableException.Guard("products", () => LookupCoreAsync(ids, cancellationToken), cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, ProductInfo>> LookupCoreAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ProductInfo>();
        foreach (var chunk in ids.Distinct().Chunk(MaxIdsPerLookup))
        {
            using var response = await http.PostAsJsonAsync("/api/products/lookup", new LookupRequest(chunk), cancellationToken);
            response.EnsureSuccessStatusCode();
            foreach (var product in await response.Content.ReadFromJsonAsync<List<ProductInfo>>(cancellationToken) ?? [])
            {
                result[product.Id] = product;
            }
        }

        return result;
    }
}
