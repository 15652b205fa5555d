namespace ECommerce.AI.Models;

/// <summary>Derives risk features for each purchase from the customer's earlier purchases (nothing from the future leaks in).</summary>
public static class RiskFeatureBuilder
{
    /// <summary>
    /// Features for <paramref name="amount"/> given the customer's earlier purchases. Account age falls back to the time
    /// since the first purchase when the caller does not know it (events carry no registration date).
    /// </summary>
    public static RiskFeatures For(
        double amount, int lineCount, DateTimeOffset at, IReadOnlyList<Purchase> earlier,
        double? accountAgeDays = null, int addressChanges = 0, int? ordersLast24Hours = null)
    {
        var previous = earlier.Where(p => p.At < at).ToList();
        var average = previous.Count == 0 ? 0 : previous.Average(p => (double)p.Total);
        return new RiskFeatures(
            amount,
            average <= 0 ? 1 : amount / average,
            previous.Count,
            accountAgeDays ?? (previous.Count == 0 ? 0 : (at - previous.Min(p => p.At)).TotalDays),
            addressChanges,
            ordersLast24Hours ?? previous.Count(p => p.At > at.AddDays(-1)),
            lineCount);
    }

    /// <summary>One example per purchase, labelled by <paramref name="isRisky"/>, customers' histories walked in time order.</summary>
    public static List<RiskExample> Examples(IEnumerable<Purchase> purchases, Func<Purchase, bool> isRisky, Func<Purchase, int>? addressChanges = null)
    {
        var examples = new List<RiskExample>();
        foreach (var customer in purchases.GroupBy(p => p.CustomerId))
        {
            var history = new List<Purchase>();
            foreach (var purchase in customer.OrderBy(p => p.At))
            {
                var features = For((double)purchase.Total, purchase.Lines.Count, purchase.At, history, addressChanges: addressChanges?.Invoke(purchase) ?? 0);
                examples.Add(new RiskExample(purchase.At, features, isRisky(purchase)));
                history.Add(purchase);
            }
        }

        return [.. examples.OrderBy(e => e.At)];
    }
}
