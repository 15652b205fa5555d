using System.Linq.Expressions;
using ECommerce.Products.Domain;
using ECommerce.Products.Search.Semantic;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// The relevance of a product to a search text, as SQL: lexically, <c>ts_rank</c> + trigram word similarity (name
/// matches, weight A, above description ones); with a hybrid <see cref="SearchRanking"/>, the products of its fused
/// list first in its order (<see cref="FusedBase"/> + places from the end, via <c>array_position</c>), then every
/// other match lexically. One expression for the page order, its keyset cursor and a family's representative.
/// </summary>
internal static class Relevance
{
    /// <summary>Above any lexical score (ts_rank is below 1 a weight, word similarity at most 1).</summary>
    public const double FusedBase = 1000;

    public static Expression<Func<Product, double>> Of(string text, SearchRanking? ranking)
    {
        if (ranking is null || ranking.Fused.Length == 0)
        {
            return p => p.SearchVector.Rank(EF.Functions.WebSearchToTsQuery("english", text)) + EF.Functions.TrigramsWordSimilarity(text, p.Name);
        }

        var fused = ranking.Fused;
        var count = (double)fused.Length;
        return p => fused.Contains(p.Id)
            ? FusedBase + count - Array.IndexOf(fused, p.Id)
            : p.SearchVector.Rank(EF.Functions.WebSearchToTsQuery("english", text)) + EF.Functions.TrigramsWordSimilarity(text, p.Name);
    }
}
