using ECommerce.AI.Models;

namespace ECommerce.AI.Training;

/// <summary>
/// The two trainings a run performs, behind one seam so a test can make a run fail or produce a worse candidate and see
/// what the trainer does with it (the serving model stays, the run is recorded and alerted).
/// </summary>
public class ModelTraining
{
    /// <summary>Trains and evaluates the recommenders; <paramref name="serving"/> is scored on the same holdout.</summary>
    public virtual RecommenderTrainingResult Recommender(TrainingData data, RecommenderOptions options, RecommenderSnapshot? serving) =>
        RecommenderTraining.Train(data, options, serving: serving);

    public virtual RiskTrainingResult Risk(IReadOnlyList<RiskExample> examples) => RiskTraining.Train(examples);
}
