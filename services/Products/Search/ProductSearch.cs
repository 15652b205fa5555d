using System.Globalization;
using System.Linq.Expressions;
using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Products.Search.Semantic;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// Lists and searches active products: filters (any value within a facet, all facets together), keyset pages per
/// sort, and on the first page disjunctive facet counts and, when a search finds little, a "did you mean" query.
/// Search text matches the weighted full-text vector (stemmed) or, for misspellings, trigram word similarity on the name,
/// and with semantic search on, products near it in meaning; relevance is then the hybrid order (<see cref="HybridRanking"/>).
/// </summary>
public sealed class ProductSearch(ProductsDbContext db, CatalogLookups lookups, SpellingCorrection spelling, HybridRanking hybrid)
{
    /// <summary>
    /// word_similarity from which a name counts as a fuzzy match ("hart" scores 0.4 against "heart", unrelated words about
    /// 0.1–0.25): the sessions' <c>pg_trgm.word_similarity_threshold</c> for the index-served <c>&lt;%</c> operator (ProductsDatabase).
    /// </summary>
    public const double SimilarityThreshold = 0.35;

    /// <summary>A search finding fewer products than this is offered a corrected query when one finds more.</summary>
    public const int FewResults = 3;

    public Task<ProductPage> QueryAsync(ProductFilter filter, CancellationToken ct) => QueryAsync(filter, countFacets: true, ct);

    /// <summary>A page of the list; <paramref name="countFacets"/> false skips the facet counts (a collection shows none).</summary>
    public async Task<ProductPage> QueryAsync(ProductFilter filter, bool countFacets, CancellationToken ct)
    {
        var catalog = await lookups.GetAsync(ct);
        var scope = SearchScope.For(filter, catalog);
        var ranking = await hybrid.RankAsync(filter.Text, ct);
        var products = scope.Matching(db, filter, ranking?.SemanticMatches);
        var facets = countFacets && filter.After is null
            ? await FacetCounts.CountAsync(SearchScope.MatchingText(db, filter.Text, ranking?.SemanticMatches), db.Ratings.AsNoTracking(), filter, scope, catalog, ct)
            : null;

        var rows = await Page(db, products, filter, ranking).Take(filter.Limit + 1).ToListAsync(ct);
        var more = rows.Count > filter.Limit;
        var items = rows.Take(filter.Limit).ToList();
        var next = more ? new PageCursor(filter.Sort, items[^1].KeyFor(filter.Sort), items[^1].Id).Encode() : null;
        var didYouMean = facets is { Total: < FewResults } && filter.Text is not null
            ? await spelling.SuggestAsync(filter, scope, facets.Total, ct)
            : null;
        var summaries = await FamilyCollapse.WithFamiliesAsync(db, items.Select(r => r.Summary).ToList(), ct);
        return new ProductPage(summaries, next, facets, didYouMean);
    }

    /// <summary>The active products among <paramref name="ids"/> as list items, in no particular order (a manual collection).</summary>
    public async Task<List<ProductSummary>> SummariesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var filter = new ProductFilter(null, [], [], null, null, false, ProductSort.Newest, null, Math.Max(list.Count, 1), [], []);
        var rows = await Page(db, SearchScope.MatchingText(db, null).Where(p => list.Contains(p.Id)), filter).ToListAsync(ct);
        return await FamilyCollapse.WithFamiliesAsync(db, rows.Select(r => r.Summary).ToList(), ct);
    }

    private static IQueryable<Row> Page(ProductsDbContext db, IQueryable<Product> products, ProductFilter filter, SearchRanking? ranking = null)
    {
        var key = filter.After?.Key;
        var id = filter.After?.Id ?? Guid.Empty;
        var text = filter.Text;
        products = FamilyCollapse.FirstOfEachFamily(db, products, filter, ranking);
        var ranked = text is null
            ? products.Select(p => new Ranked { P = p, Rank = 0d })
            : products.Select(Ranked.By(Relevance.Of(text, ranking)));

        // The approved reviews' sum and count, beside the product (product_ratings): 0 and 0 before the first review.
        ranked = ranked.Select(r => new Ranked
        {
            P = r.P,
            Rank = r.Rank,
            RatingSum = db.Ratings.Where(x => x.ProductId == r.P.Id).Select(x => x.Sum).FirstOrDefault(),
            Reviews = db.Ratings.Where(x => x.ProductId == r.P.Id).Select(x => x.Count).FirstOrDefault(),
        }).Select(r => new Ranked
        {
            P = r.P,
            Rank = r.Rank,
            RatingSum = r.RatingSum,
            Reviews = r.Reviews,
            Stars = r.Reviews == 0 ? 0d : (double)r.RatingSum / r.Reviews,
        });

        switch (filter.Sort)
        {
            case ProductSort.Relevance:
                if (key is not null)
                {
                    var rank = double.Parse(key, CultureInfo.InvariantCulture);
                    ranked = ranked.Where(r => r.Rank < rank || (r.Rank == rank && r.P.Id.CompareTo(id) > 0));
                }

                ranked = ranked.OrderByDescending(r => r.Rank).ThenBy(r => r.P.Id);
                break;

            case ProductSort.PriceAsc:
                if (key is not null)
                {
                    var price = decimal.Parse(key, CultureInfo.InvariantCulture);
                    ranked = ranked.Where(r => r.P.Price > price || (r.P.Price == price && r.P.Id.CompareTo(id) > 0));
                }

                ranked = ranked.OrderBy(r => r.P.Price).ThenBy(r => r.P.Id);
                break;

            case ProductSort.PriceDesc:
                if (key is not null)
                {
                    var price = decimal.Parse(key, CultureInfo.InvariantCulture);
                    ranked = ranked.Where(r => r.P.Price < price || (r.P.Price == price && r.P.Id.CompareTo(id) < 0));
                }

                ranked = ranked.OrderByDescending(r => r.P.Price).ThenByDescending(r => r.P.Id);
                break;

            case ProductSort.BestSelling:
                if (key is not null)
                {
                    var sold = int.Parse(key, CultureInfo.InvariantCulture);
                    ranked = ranked.Where(r => r.P.Stock!.Sold < sold || (r.P.Stock!.Sold == sold && r.P.Id.CompareTo(id) < 0));
                }

                ranked = ranked.OrderByDescending(r => r.P.Stock!.Sold).ThenByDescending(r => r.P.Id);
                break;

            case ProductSort.TopRated:
                // Keyed on the exact average (sum / count as a double) and the count; unrated products average 0.
                if (key is not null && TopRatedKey.TryParse(key, out var stars, out var reviews))
                {
                    ranked = ranked.Where(r => r.Stars < stars
                        || (r.Stars == stars && (r.Reviews < reviews || (r.Reviews == reviews && r.P.Id.CompareTo(id) < 0))));
                }

                ranked = ranked.OrderByDescending(r => r.Stars).ThenByDescending(r => r.Reviews).ThenByDescending(r => r.P.Id);
                break;

            default:
                if (key is not null)
                {
                    var created = DateTimeOffset.Parse(key, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                    ranked = ranked.Where(r => r.P.CreatedAt < created || (r.P.CreatedAt == created && r.P.Id.CompareTo(id) < 0));
                }

                ranked = ranked.OrderByDescending(r => r.P.CreatedAt).ThenByDescending(r => r.P.Id);
                break;
        }

        return ranked.Select(r => new Row(
            r.P.Id, r.P.Sku, r.P.Name, r.P.Slug, r.P.Price, r.P.Currency, r.P.Category!.Slug, r.P.Brand!.Slug,
            r.P.Stock!.Available, r.P.Stock.Sold, r.P.CreatedAt, r.Rank,
            r.P.Images.OrderBy(i => i.SortOrder).Select(i => i.FileName).FirstOrDefault(),
            r.P.Images.OrderBy(i => i.SortOrder).Select(i => i.Alt).FirstOrDefault(), r.RatingSum, r.Reviews, r.P.FamilyId));
    }

    private sealed class Ranked
    {
        public required Product P { get; init; }

        /// <summary><c>p => new Ranked { P = p, Rank = relevance(p) }</c>, so one relevance expression serves every query.</summary>
        public static Expression<Func<Product, Ranked>> By(Expression<Func<Product, double>> relevance)
        {
            var p = relevance.Parameters[0];
            return Expression.Lambda<Func<Product, Ranked>>(
                Expression.MemberInit(
                    Expression.New(typeof(Ranked)),
                    Expression.Bind(typeof(Ranked).GetProperty(nameof(P))!, p),
                    Expression.Bind(typeof(Ranked).GetProperty(nameof(Rank))!, relevance.Body)),
                p);
        }

        public double Rank { get; init; }

        public int RatingSum { get; init; }

        public int Reviews { get; init; }

        /// <summary>The exact average the top-rated sort and its cursor compare (0 before the first review).</summary>
        public double Stars { get; init; }
    }

    private sealed record Row(
        Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency, string Category, string Brand,
        int Available, int Sold, DateTimeOffset CreatedAt, double Rank, string? Image, string? ImageAlt, int RatingSum, int Reviews, Guid? FamilyId)
    {
        public ProductSummary Summary => new(Id, Sku, Name, Slug, Price, Currency, Category, Brand, Available > 0, ImageUrls.ForProduct(Image, Id, Name, Category),
            Reviews == 0 ? null : Math.Round((decimal)RatingSum / Reviews, 1, MidpointRounding.AwayFromZero), Reviews,
            FamilyId, 1, Price, Price, [], ImageAlt);

        public string KeyFor(ProductSort sort) => sort switch
        {
            ProductSort.Relevance => Rank.ToString("R", CultureInfo.InvariantCulture),
            ProductSort.PriceAsc or ProductSort.PriceDesc => Price.ToString(CultureInfo.InvariantCulture),
            ProductSort.BestSelling => Sold.ToString(CultureInfo.InvariantCulture),
            ProductSort.TopRated => TopRatedKey.Format(RatingSum, Reviews),
            _ => CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
    }
}
