using System.ComponentModel.DataAnnotations;

namespace ECommerce.AI.Training;

/// <summary>When and how models are retrained (section <c>AI:Training</c>).</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "AI:Training";

    /// <summary>Time between scheduled runs; zero turns the schedule off (training then only runs on demand).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Delay before the first scheduled run after start.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a replica looks for a model promoted by another one (only one replica trains at a time); zero: only
    /// at start and after its own runs.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A new model is promoted unless its holdout metric is worse than the serving one's by more than this.</summary>
    [Range(0, 1)]
    public double PromotionTolerance { get; set; } = 0.005;

    /// <summary>Fewer paid orders than this and no model is trained (the popularity fallback serves).</summary>
    [Range(1, int.MaxValue)]
    public int MinimumOrders { get; set; } = 50;
}
