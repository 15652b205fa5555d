using ECommerce.AI.Models;

namespace ECommerce.AI.Datasets;

/// <summary>
/// A deterministic synthetic store (same seed, same data): categories of products with complements that are bought
/// together, customers with favourite categories and price levels, consumables bought again, and a small share of
/// fraudulent accounts (new, large orders, address changes, bursts of orders) whose paid orders are later cancelled.
/// Structure the learners can find, plus noise, so a learner that beats popularity here has learned something.
/// </summary>
public static class SyntheticDataset
{
    private static readonly string[] Nouns = ["mug", "candle", "tote bag", "lamp", "cushion", "notebook", "tea", "coffee", "soap", "photo frame", "wall clock", "plant pot"];
    private static readonly string[] Consumables = ["candle", "tea", "coffee", "soap"];
    private static readonly string[] Colours = ["red", "blue", "green", "ivory", "black", "pink", "grey", "yellow"];
    private static readonly string[] Styles = ["vintage", "modern", "rustic", "floral", "striped", "classic", "nordic", "retro"];

    public static TrainingData Generate(int customers = 1500, int productsPerCategory = 25, int days = 240, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var catalog = new List<CatalogItem>();
        foreach (var noun in Nouns)
        {
            var basePrice = 3 + (random.NextDouble() * 30);
            for (var p = 0; p < productsPerCategory; p++)
            {
                var price = Math.Round((decimal)(basePrice * Math.Exp((random.NextDouble() - 0.5) * 1.2)), 2);
                var name = $"{Styles[random.Next(Styles.Length)]} {Colours[random.Next(Colours.Length)]} {noun} {(char)('A' + (p % 26))}{p}";
                catalog.Add(new CatalogItem(Id(seed, catalog.Count), name, noun, price));
            }
        }

        // Popularity within a category is Zipf-like; each product has complements, half of them in a paired category.
        var byCategory = catalog.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.ToArray());
        var weights = catalog.ToDictionary(c => c.Id, _ => 1.0 / (1 + random.Next(productsPerCategory)));
        var complements = catalog.ToDictionary(c => c.Id, c =>
        {
            var paired = Nouns[(Array.IndexOf(Nouns, c.Category) + 1) % Nouns.Length];
            return new[] { Pick(random, byCategory[c.Category], weights), Pick(random, byCategory[paired], weights), Pick(random, byCategory[paired], weights) }
                .Where(x => x.Id != c.Id).Select(x => x.Id).Distinct().ToArray();
        });

        var items = catalog.ToDictionary(c => c.Id);
        var purchases = new List<Purchase>();
        var addressChanges = new Dictionary<Guid, int>();
        for (var u = 0; u < customers; u++)
        {
            var customer = $"c{u:D5}";
            var fraud = random.NextDouble() < 0.06;
            var favourites = new[] { Nouns[random.Next(Nouns.Length)], Nouns[random.Next(Nouns.Length)] };
            var joined = start.AddDays(random.NextDouble() * days * (fraud ? 1 : 0.8));
            var rate = fraud ? 0 : 0.02 + (random.NextDouble() * 0.08);
            var owned = new List<Guid>();
            var at = joined;
            var orders = fraud ? 1 + random.Next(4) : int.MaxValue;
            while (orders-- > 0)
            {
                at = fraud ? at.AddHours(random.NextDouble() * 8) : at.AddDays(-Math.Log(1 - random.NextDouble()) / rate);
                if (at >= start.AddDays(days))
                {
                    break;
                }

                var lines = new List<Guid>();
                var consumables = owned.Where(o => Consumables.Contains(items[o].Category)).ToList();
                var anchor = consumables.Count > 0 && random.NextDouble() < 0.35
                    ? consumables[random.Next(consumables.Count)]
                    : Pick(random, byCategory[favourites[random.Next(2)]], weights).Id;
                lines.Add(anchor);
                lines.AddRange(complements[anchor].Where(_ => random.NextDouble() < 0.45));
                if (random.NextDouble() < 0.3)
                {
                    lines.Add(Pick(random, catalog, weights).Id);
                }

                if (fraud)
                {
                    lines.AddRange(Enumerable.Range(0, 3 + random.Next(5)).Select(_ => catalog.MaxBy(c => (double)c.Price * random.NextDouble())!.Id));
                }

                var purchase = new Purchase(Id(seed + 1, purchases.Count), customer, at,
                    [.. lines.Distinct().Select(id => new PurchaseLine(id, fraud ? 1 + random.Next(5) : 1 + random.Next(2), items[id].Price))],
                    Cancelled: fraud != (random.NextDouble() < 0.01));
                purchases.Add(purchase);
                addressChanges[purchase.OrderId] = fraud ? random.Next(4) : random.NextDouble() < 0.1 ? 1 + random.Next(2) : 0;
                owned.AddRange(lines);
            }
        }

        purchases.Sort((a, b) => a.At.CompareTo(b.At));
        var risk = RiskFeatureBuilder.Examples(purchases, p => p.Cancelled, p => addressChanges[p.OrderId]);
        // Fraudulent orders are cancelled after payment: the recommenders skip cancelled purchases.
        return new TrainingData(purchases, items, [], risk);
    }

    private static CatalogItem Pick(Random random, IReadOnlyList<CatalogItem> from, Dictionary<Guid, double> weights)
    {
        var total = from.Sum(c => weights[c.Id]);
        var x = random.NextDouble() * total;
        foreach (var c in from)
        {
            x -= weights[c.Id];
            if (x <= 0)
            {
                return c;
            }
        }

        return from[^1];
    }

    private static Guid Id(int seed, int n)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[8..], n);
        return new Guid(bytes);
    }
}
