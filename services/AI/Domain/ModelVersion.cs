namespace ECommerce.AI.Domain;

/// <summary>One trained model: its bytes, holdout metrics, and whether it was promoted to serving.</summary>
public sealed class ModelVersion
{
    public const string Recommender = "recommender";
    public const string Risk = "risk";

    /// <summary>The <see cref="Status"/> values: serving (or served), kept out as worse, or the run threw.</summary>
    public const string StatusPromoted = "promoted";
    public const string StatusRejected = "rejected";
    public const string StatusFailed = "failed";

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

    /// <summary><see cref="StatusPromoted"/>, <see cref="StatusRejected"/> or <see cref="StatusFailed"/> (no bytes then).</summary>
    public string Status { get; set; } = StatusPromoted;

    /// <summary>The error of a failed run (type and message, no stack), else null.</summary>
    public string? Error { get; set; }

    /// <summary>Wall-clock seconds this model's training and evaluation took.</summary>
    public double TrainingSeconds { get; set; }

    /// <summary>What it learned from, as JSON counts (orders, lines, customers, products; examples and positives for risk).</summary>
    public string DataSize { get; set; } = "{}";

    /// <summary>The version serving when this one was trained (null: none) and its primary metric on this run's holdout.</summary>
    public int? ServingVersion { get; set; }

    public double? ServingMetric { get; set; }

    /// <summary>The distribution of its inputs at training time (the input profiles of <c>Models/InputProfile.cs</c> as JSON; Domain does not reference Models), for drift.</summary>
    public string InputProfile { get; set; } = "{}";

    public byte[] Bytes { get; set; } = [];
}
