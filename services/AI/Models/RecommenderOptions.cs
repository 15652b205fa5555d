namespace ECommerce.AI.Models;

/// <summary>Knobs of the recommender (section <c>AI:Recommender</c>).</summary>
public sealed class RecommenderOptions
{
    public const string SectionName = "AI:Recommender";

    /// <summary>Neighbours kept per item for "bought together" and "similar".</summary>
    public int Neighbours { get; set; } = 30;

    /// <summary>Length of the popularity lists (global and per category).</summary>
    public int PopularListSize { get; set; } = 50;

    /// <summary>"Recent" popularity window, in days before the newest purchase.</summary>
    public int RecentDays { get; set; } = 30;

    /// <summary>Items this share of buyers buy again may be recommended to someone who already bought them.</summary>
    public float RepeatPurchaseRate { get; set; } = 0.3f;

    /// <summary>Candidates scored by the ranker per request.</summary>
    public int Candidates { get; set; } = 80;

    /// <summary>The holdout (evaluation) window at the end of the data, and the label window the ranker learns on.</summary>
    public int HoldoutDays { get; set; } = 30;

    /// <summary>Boosting iterations of the learned rankers.</summary>
    public int RankerTrees { get; set; } = 100;
}
