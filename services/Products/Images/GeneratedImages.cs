using System.Collections.Concurrent;
using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>
/// Illustrations for products without a photograph, drawn on the first request for one and stored like an upload, so
/// start-up stays fast and every replica serves the one stored copy. Only the current key of an existing product is
/// drawn (its hash must match the product's name and category), so no one can fill the store by inventing names.
/// Concurrent requests for one key share one drawing.
/// </summary>
public sealed class GeneratedImages(IServiceScopeFactory scopes, IImageStore store, ImageProcessor processor, IOptions<ImageOptions> options, ILogger<GeneratedImages> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _drawing = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is a generated rendition that now exists in the store.</summary>
    public async Task<bool> EnsureAsync(string name, CancellationToken ct)
    {
        if (ImageNames.GeneratedProduct(name) is not { } productId || ImageNames.KeyOf(name) is not { } key)
        {
            return false;
        }

        if (await store.ExistsAsync(name, ct))
        {
            return true;
        }

        var drawing = _drawing.GetOrAdd(key, k => new Lazy<Task<bool>>(() => DrawAsync(k, productId)));
        try
        {
            // The drawing itself is not cancelled with one caller: others may be waiting for it, and it is stored for all.
            return await drawing.Value.WaitAsync(ct);
        }
        finally
        {
            if (drawing.IsValueCreated && drawing.Value.IsCompleted)
            {
                _drawing.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(key, drawing));
            }
        }
    }

    private async Task<bool> DrawAsync(string key, Guid productId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new { p.Name, p.CategoryId, Category = p.Category!.Slug }).FirstOrDefaultAsync();
        if (product is null || ImageUrls.GeneratedKey(productId, product.Name, product.Category) != key)
        {
            return false;
        }

        var tree = await scope.ServiceProvider.GetRequiredService<CatalogLookups>().GetAsync(CancellationToken.None);
        // Leaf to root ("mugs/kitchen/home"): the glyph is chosen from the most specific category it recognises.
        var categoryPath = string.Join('/', tree.CategoryAndAncestors(product.CategoryId).DefaultIfEmpty(product.Category));
        var started = TimeProvider.System.GetTimestamp();
        var image = await processor.ProcessAsync(key, () => Illustration.Draw(product.Name, categoryPath, options.Value.FontPath), CancellationToken.None);
        // Every rendition at once: each is small, and a reader only ever asks for one by its own name.
        await Task.WhenAll(image.Files.Select(f => store.SaveAsync(f.Name, f.Content, f.ContentType, CancellationToken.None)));
        logger.LogInformation("Drew the illustration {Key} for product {ProductId} in {Elapsed} ms", key, productId,
            (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }
}
