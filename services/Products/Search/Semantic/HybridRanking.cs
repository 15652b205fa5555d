using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Search.Semantic;

/// <summary>
/// What semantic search adds to a search text: the products whose embedding is near the query's (<see cref="SemanticMatches"/>,
/// matched besides the full-text and trigram matches), and a relevance order, <see cref="Fused"/>: reciprocal rank
/// fusion of the best lexical matches and the semantic ones. Products in it rank first, in its order; every other
/// match follows in lexical order. Both depend on the text alone, so every filter, facet and page of a search agrees.
/// </summary>
public sealed record SearchRanking(Guid[] SemanticMatches, Guid[] Fused);

/// <summary>Builds the <see cref="SearchRanking"/> of a search text, or none when semantic search is off or not ready.</summary>
public sealed class HybridRanking(ProductsDbContext db, TextEmbedder embedder, SemanticIndex index, IOptions<SemanticSearchOptions> options)
{
    /// <summary>Set false to rank one search lexically although semantic search is on (the evaluation compares both).</summary>
    public bool Enabled { get; set; } = options.Value.Enabled;

    /// <summary>The settings this ranking uses: the configured ones, or others to compare (the evaluation's sweeps).</summary>
    public SemanticSearchOptions Settings { get; set; } = options.Value;

    public async Task<SearchRanking?> RankAsync(string? text, CancellationToken ct)
    {
        if (text is null || !Enabled || !index.IsReady || index.Count == 0)
        {
            return null;
        }

        var o = Settings;
        var query = await embedder.EmbedQueryAsync(text, ct);
        var semantic = index.Nearest(query, o.Candidates, o.MinSimilarity).Select(n => n.Id).ToList();
        var lexical = await SearchScope.MatchingText(db, text)
            .OrderByDescending(p => p.SearchVector.Rank(EF.Functions.WebSearchToTsQuery("english", text)) + EF.Functions.TrigramsWordSimilarity(text, p.Name))
            .ThenBy(p => p.Id)
            .Select(p => p.Id)
            .Take(o.LexicalCandidates)
            .ToListAsync(ct);
        return new SearchRanking([.. semantic], Fuse(lexical, semantic, o.FusionK, o.SemanticWeight));
    }

    /// <summary>Reciprocal rank fusion: each list adds weight / (k + rank) to its items (rank from 1); ties keep the lexical order.</summary>
    internal static Guid[] Fuse(IReadOnlyList<Guid> lexical, IReadOnlyList<Guid> semantic, int k, double semanticWeight)
    {
        var scores = new Dictionary<Guid, (double Score, int First)>();
        for (var i = 0; i < lexical.Count; i++)
        {
            scores[lexical[i]] = (1.0 / (k + i + 1), i);
        }

        for (var i = 0; i < semantic.Count; i++)
        {
            var add = semanticWeight / (k + i + 1);
            scores[semantic[i]] = scores.TryGetValue(semantic[i], out var s) ? (s.Score + add, s.First) : (add, lexical.Count + i);
        }

        return [.. scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First).Select(s => s.Key)];
    }
}
