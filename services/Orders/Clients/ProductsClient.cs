using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Clients;

/// <summary>Products' lookup endpoint (<c>POST /api/products/lookup</c>): current price and availability by id.</summary>
public sealed class ProductsClient(HttpClient http)
{
    /// <summary>The contract's limit on ids per call; larger sets are split.</summary>
    public const int MaxIdsPerLookup = 100;

    private sealed record LookupRequest(IReadOnlyList<Guid> Ids);

    /// <summary>Products that exist, by id; unknown ids are simply absent. Throws <see cref="DependencyUnavailableException"/> when Products cannot answer.</summary>
    public Task<IReadOnlyDictionary<Guid, ProductSnapshot>> LookupAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        DependencyUnavailableException.Guard("products", () => LookupCoreAsync(ids, cancellationToken), cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, ProductSnapshot>> LookupCoreAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ProductSnapshot>();
        foreach (var chunk in ids.Distinct().Chunk(MaxIdsPerLookup))
        {
            using var response = await http.PostAsJsonAsync("/api/products/lookup", new LookupRequest(chunk), cancellationToken);
            response.EnsureSuccessStatusCode();
            var products = await response.Content.ReadFromJsonAsync<List<ProductSnapshot>>(cancellationToken) ?? [];
            foreach (var product in products)
            {
                result[product.Id] = product;
            }
        }

        return result;
    }
}
