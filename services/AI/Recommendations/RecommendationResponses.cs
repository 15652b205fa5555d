namespace ECommerce.AI.Recommendations;

/// <summary>A recommended product id with its score (the storefront fetches names and prices from Products).</summary>
public sealed record RecommendedProduct(Guid ProductId, double Score);

/// <summary>
/// A list of recommendations and where it came from: <c>model</c> (with the model version), <c>popular</c> (cold start
/// from the model's popularity lists) or <c>fallback</c> (no model yet: best-sellers straight from the tables).
/// </summary>
public sealed record RecommendationList(string Source, int ModelVersion, IReadOnlyList<RecommendedProduct> Items);
