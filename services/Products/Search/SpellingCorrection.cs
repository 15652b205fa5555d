using System.Text.RegularExpressions;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// "Did you mean": each word of the search that the catalog does not know (neither the word nor its English stem is
/// in <see cref="SearchVocabulary"/>) is replaced by the most similar catalog word (pg_trgm <c>similarity</c> at least
/// <c>pg_trgm.similarity_threshold</c>, 0.3, through the trigram index; ties go to the word more products carry).
/// Known words, stop words and numbers stay as typed. The corrected query is offered only when, with the same filters,
/// it finds more products than the search asked.
/// </summary>
public sealed partial class SpellingCorrection(ProductsDbContext db, SearchVocabulary vocabulary)
{
    /// <summary>Longer queries are sentences, not misspellings; correcting them word by word rarely helps.</summary>
    public const int MaxWords = 8;

    public async Task<DidYouMean?> SuggestAsync(ProductFilter filter, SearchScope scope, int total, CancellationToken ct)
    {
        // Quoted phrases and -exclusions mean something to the full-text search that a list of words would lose.
        if (filter.Text is not { } text || text.Contains('"') || text.StartsWith('-') || text.Contains(" -", StringComparison.Ordinal))
        {
            return null;
        }

        var words = NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).ToArray();
        if (words.Length is 0 or > MaxWords)
        {
            return null;
        }

        await vocabulary.EnsureFreshAsync(db, ct);
        var matches = await db.Database.SqlQuery<WordMatch>($$"""
            SELECT q.word AS "Word", q.ord AS "Position",
                   COALESCE(ts_lexize('english_stem', q.word) = '{}', false)
                   OR EXISTS (SELECT 1 FROM search_words k WHERE k.word = q.word OR k.stem = (ts_lexize('english_stem', q.word))[1]) AS "Known",
                   (SELECT w.word FROM search_words w WHERE w.word % q.word
                    ORDER BY similarity(w.word, q.word) DESC, w.products DESC, w.word LIMIT 1) AS "Closest"
            FROM unnest({{words}}::text[]) WITH ORDINALITY AS q(word, ord)
            """).ToListAsync(ct);

        var corrected = matches.OrderBy(m => m.Position)
            .Select(m => m.Known || m.Closest is null || m.Word.Length < 3 || !m.Word.Any(char.IsLetter) ? m.Word : m.Closest)
            .ToList();
        if (corrected.SequenceEqual(words))
        {
            return null;
        }

        var query = string.Join(' ', corrected);
        // Counted as lists show them: a family's variants are one item.
        var found = await scope.Matching(db, filter with { Text = query }).Select(p => p.FamilyId ?? p.Id).Distinct().CountAsync(ct);
        return found > total ? new DidYouMean(query, found) : null;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    /// <summary>One word of the search: whether the catalog knows it, and the closest catalog word.</summary>
    internal sealed class WordMatch
    {
        public string Word { get; set; } = "";

        public long Position { get; set; }

        public bool Known { get; set; }

        public string? Closest { get; set; }
    }
}
