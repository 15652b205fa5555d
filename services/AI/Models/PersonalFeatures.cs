namespace ECommerce.AI.Models;

/// <summary>A product the customer bought (or viewed) and when.</summary>
public sealed record HistoryItem(Guid ProductId, DateTimeOffset At);

/// <summary>A recommended product with the score it was ranked by.</summary>
public sealed record ScoredItem(Guid ProductId, float Score);

/// <summary>A candidate for a customer and the features the ranker sees.</summary>
public sealed record Candidate(int Item, float[] Features)
{
    /// <summary>What "co-occurrence only" ranks by: linked strength first, similarity and popularity break ties.</summary>
    public float HeuristicScore => Features[PersonalFeatures.CoocSum] + (0.3f * Features[PersonalFeatures.SimilarSum]) + (0.01f * Features[PersonalFeatures.RecentPopularity]);
}

/// <summary>Positions of the ranker's features (see <see cref="RecommenderEngine.Candidates"/>).</summary>
public static class PersonalFeatures
{
    public const int CoocSum = 0;
    public const int CoocMax = 1;
    public const int CoocHits = 2;
    public const int Popularity = 3;
    public const int RecentPopularity = 4;
    public const int CategoryAffinity = 5;
    public const int PriceDistance = 6;
    public const int TimesBought = 7;
    public const int DaysSinceBought = 8;
    public const int RepeatRate = 9;
    public const int HistoryLength = 10;
    public const int SimilarSum = 11;
    public const int Count = 12;
}
