namespace ECommerce.AI.Domain;

/// <summary>One trained model: its bytes, holdout metrics, and whether it was promoted to serving.</summary>
public sealed class ModelVersion
{
    public const string Recommender = "recommender";
    public const string Risk = "risk";

    public long Id { get; set; }

    /// <summary><see cref="Recommender"/> or <see cref="Risk"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>1, 2, 3… per kind.</summary>
    public int Version { get; set; }

    public DateTimeOffset TrainedAt { get; set; }

    /// <summary>The number promotion compares (NDCG@10 for the recommender, AUC for risk).</summary>
    public double PrimaryMetric { get; set; }

    /// <summary>All holdout metrics as JSON.</summary>
    public string Metrics { get; set; } = "{}";

    public string Algorithm { get; set; } = "";

    public bool Promoted { get; set; }

    /// <summary>Why it was or was not promoted.</summary>
    public string Decision { get; set; } = "";

    public byte[] Bytes { get; set; } = [];
}
