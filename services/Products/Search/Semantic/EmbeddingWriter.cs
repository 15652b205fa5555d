using System.Security.Cryptography;
using System.Text;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search.Semantic;

/// <summary>
/// Makes and stores the embeddings of products: the text a shopper might describe a product by (name, category, brand,
/// option values, description), embedded only when that text changed since the stored vector was made (by hash), so
/// a price change costs a read and no model call. Used by the <c>ProductUpdated</c> handler and by the backfill.
/// </summary>
public sealed class EmbeddingWriter(ProductsDbContext db, TextEmbedder embedder, TimeProvider clock)
{
    /// <summary>Embeds those of <paramref name="productIds"/> whose text changed; returns how many were (re)embedded.</summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct)
    {
        var ids = productIds.ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Source(p.Id, p.Name, p.Category!.Name, p.Brand!.Name, p.OptionValues, p.Description))
            .ToListAsync(ct);
        var stored = await db.Embeddings.Where(e => ids.Contains(e.ProductId)).ToDictionaryAsync(e => e.ProductId, ct);
        var changed = products
            .Select(p => (Product: p, Text: TextOf(p), Hash: ""))
            .Select(x => x with { Hash = Hash(x.Text) })
            .Where(x => !stored.TryGetValue(x.Product.Id, out var e) || e.TextHash != x.Hash || e.Model != TextEmbedder.ModelName)
            .ToList();
        if (changed.Count == 0)
        {
            return 0;
        }

        var vectors = await embedder.EmbedAsync(changed.Select(c => c.Text).ToList(), ct);
        var now = clock.GetUtcNow();
        for (var i = 0; i < changed.Count; i++)
        {
            var (product, _, hash) = changed[i];
            if (!stored.TryGetValue(product.Id, out var embedding))
            {
                embedding = db.Embeddings.Add(new ProductEmbedding { ProductId = product.Id, Model = TextEmbedder.ModelName, TextHash = hash }).Entity;
            }

            embedding.Vector = vectors[i];
            embedding.Model = TextEmbedder.ModelName;
            embedding.TextHash = hash;
            embedding.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return changed.Count;
    }

    /// <summary>
    /// Name first (what a product is), then where it sits and its options; the description last, cut to its first
    /// sentence: the seeded ones repeat the name and then a sentence every product shares, which would only pull all
    /// vectors towards one another.
    /// </summary>
    internal static string TextOf(Source p)
    {
        var text = new StringBuilder(p.Name).Append(". ").Append(p.Category).Append(". ").Append(p.Brand).Append('.');
        foreach (var value in p.OptionValues.Values)
        {
            text.Append(' ').Append(value);
        }

        var description = p.Description.Trim();
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        if (description.Length > 0)
        {
            text.Append(' ').Append(end > 0 ? description[..(end + 1)] : description);
        }

        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal sealed record Source(Guid Id, string Name, string Category, string Brand, Dictionary<string, string> OptionValues, string Description);
}
