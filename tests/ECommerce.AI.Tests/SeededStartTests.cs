using System.Diagnostics;
using System.Net.Http.Json;
using ECommerce.AI.Datasets;
using ECommerce.AI.Models;
using ECommerce.AI.Recommendations;
using ECommerce.AI.Training;
using ECommerce.AI.Views;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>
/// A development start on empty tables, as a fresh clone has: the committed retail history is seeded and the first
/// models are trained in the background (the schedule is off here, so only the start-up training can make them).
/// </summary>
public sealed class SeededAiHost : AiHost
{
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(5);

    protected override string EnvironmentName => "Development";

    /// <summary>From the host's start to the first promoted recommender.</summary>
    public TimeSpan TimeToFirstModel { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        await base.InitializeAsync();
        var holder = Factory.Services.GetRequiredService<ModelHolder>();
        while (holder.Current.Recommender is null)
        {
            Assert.True(started.Elapsed < TrainingTimeout, $"no model {TrainingTimeout} after start");
            await Task.Delay(500);
        }

        TimeToFirstModel = started.Elapsed;
    }
}

public sealed class SeededStartTests(SeededAiHost host, ITestOutputHelper output) : IClassFixture<SeededAiHost>
{
    private static readonly IReadOnlyList<SeedProduct> Catalog = RetailSeedFile.ReadCatalog(RetailSeedFile.DefaultFolder);
    private static readonly IReadOnlyList<SeedLine> Lines = [.. RetailSeedFile.ReadInvoices(RetailSeedFile.DefaultFolder)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_up_seeds_every_purchase_onto_the_catalogs_products_once()
    {
        output.WriteLine($"first model served {host.TimeToFirstModel.TotalSeconds:0.0} s after the host started");
        await using var db = host.NewDb();
        var ids = Catalog.Select(p => p.Id).ToHashSet();

        Assert.Equal(Lines.Select(l => l.Invoice).Distinct().Count(), await db.Orders.CountAsync(Ct));
        Assert.Equal(Lines.Count, await db.OrderLines.CountAsync(Ct));
        Assert.Subset(ids, (await db.OrderLines.Select(l => l.ProductId).Distinct().ToListAsync(Ct)).ToHashSet());
        Assert.Equal(Catalog.Count, await db.Products.CountAsync(p => ids.Contains(p.Id), Ct));
        Assert.False(await db.Orders.AnyAsync(o => !o.CustomerId.StartsWith(SeededHistory.CustomerPrefix), Ct));
        // Shifted: the newest seeded order is about now, so the 90-day popularity window and recency weights see them.
        Assert.True(DateTimeOffset.UtcNow - await db.Orders.MaxAsync(o => o.PaidAt, Ct) < TimeSpan.FromHours(1));

        // Idempotent: a second start (or a second replica) finds the orders and writes nothing.
        var again = await new SeededHistory(db, TimeProvider.System).SeedAsync(RetailSeedFile.DefaultFolder, Ct);
        Assert.Equal((0, 0), (again.Orders, again.Lines));
        Assert.Equal(Lines.Count, await db.OrderLines.CountAsync(Ct));
    }

    [Fact]
    public async Task Bought_together_for_two_unrelated_products_differs_and_holds_items_co_purchased_in_the_file()
    {
        // A candle holder and a cake stand: different categories, different shoppers' baskets.
        var heart = Catalog.Single(p => p.StockCode == "85123A");
        var cakestand = Catalog.Single(p => p.StockCode == "22423");
        Assert.NotEqual(heart.Category, cakestand.Category);
        var client = host.Client();

        var forHeart = await client.GetFromJsonAsync<RecommendationList>($"/api/ai/recommendations/bought-together/{heart.Id}?limit=10", Ct);
        var forCakestand = await client.GetFromJsonAsync<RecommendationList>($"/api/ai/recommendations/bought-together/{cakestand.Id}?limit=10", Ct);

        Assert.Equal(("model", "model"), (forHeart!.Source, forCakestand!.Source));
        Assert.Equal(10, forHeart.Items.Count);
        Assert.NotEqual(forHeart.Items.Select(i => i.ProductId), forCakestand.Items.Select(i => i.ProductId));
        Assert.All(forHeart.Items, i => Assert.Contains(i.ProductId, CoPurchased(heart)));
        Assert.All(forCakestand.Items, i => Assert.Contains(i.ProductId, CoPurchased(cakestand)));
    }

    [Fact]
    public async Task Similar_and_for_you_differ_by_product_and_by_shopper()
    {
        var client = host.Client();
        var heart = Catalog.Single(p => p.StockCode == "85123A");
        var bag = Catalog.Single(p => p.StockCode == "85099B");

        var similarHeart = await client.GetFromJsonAsync<RecommendationList>($"/api/ai/similar/{heart.Id}?limit=6", Ct);
        var similarBag = await client.GetFromJsonAsync<RecommendationList>($"/api/ai/similar/{bag.Id}?limit=6", Ct);
        Assert.Equal(("model", "model"), (similarHeart!.Source, similarBag!.Source));
        Assert.Empty(similarHeart.Items.Select(i => i.ProductId).Intersect(similarBag.Items.Select(i => i.ProductId)));

        // Anonymous shoppers: best-sellers of the categories each viewed.
        await client.PostAsJsonAsync("/api/ai/events/views", new ProductViewsRequest("visitor-candles", [heart.Id]), Ct);
        await client.PostAsJsonAsync("/api/ai/events/views", new ProductViewsRequest("visitor-bags-01", [bag.Id]), Ct);
        var candles = await client.GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me?visitorId=visitor-candles&limit=8", Ct);
        var bags = await client.GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me?visitorId=visitor-bags-01&limit=8", Ct);
        Assert.Equal(("popular", "popular"), (candles!.Source, bags!.Source));
        Assert.NotEqual(candles.Items.Select(i => i.ProductId), bags.Items.Select(i => i.ProductId));

        // Seeded customers with histories: the trained ranker, and different lists for different baskets.
        var customers = Lines.GroupBy(l => l.Customer).OrderByDescending(g => g.Select(l => l.Invoice).Distinct().Count()).Take(2).Select(g => g.Key).ToList();
        var first = await host.Client(TestTokens.Customer(SeededHistory.CustomerPrefix + customers[0])).GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me?limit=8", Ct);
        var second = await host.Client(TestTokens.Customer(SeededHistory.CustomerPrefix + customers[1])).GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me?limit=8", Ct);
        Assert.Equal(("model", "model"), (first!.Source, second!.Source));
        Assert.NotEqual(first.Items.Select(i => i.ProductId), second.Items.Select(i => i.ProductId));
    }

    private static HashSet<Guid> CoPurchased(SeedProduct product)
    {
        var invoices = Lines.Where(l => l.StockCode == product.StockCode).Select(l => l.Invoice).ToHashSet();
        var codes = Lines.Where(l => invoices.Contains(l.Invoice) && l.StockCode != product.StockCode).Select(l => l.StockCode).ToHashSet();
        return Catalog.Where(p => codes.Contains(p.StockCode)).Select(p => p.Id).ToHashSet();
    }
}
