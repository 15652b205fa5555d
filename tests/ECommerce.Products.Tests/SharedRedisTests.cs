using ECommerce.Products.Domain;

namespace ECommerce.Products.Tests;

/// <summary>A catalog with one category more than the base tree: its lookups differ from every other host's.</summary>
public sealed class AtticHost : ProductsHost
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await using var db = NewDbContext();
        db.Categories.Add(new Category { Name = "Attic", Slug = "attic" });
        await db.SaveChangesAsync();
    }
}

/// <summary>Two Products services with their own databases on one Redis, as two deployments (or two test classes) would be.</summary>
public sealed class TwoCatalogsOnOneRedis : IAsyncLifetime
{
    public AtticHost Attic { get; } = new();

    public ProductsHost Plain { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Attic.InitializeAsync();
        await Plain.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Attic.DisposeAsync();
        await Plain.DisposeAsync();
    }
}

/// <summary>
/// <c>Caching:KeyPrefix</c>: services sharing a Redis keep their entries apart. Without it the second catalog answered
/// its category list (and resolved its facet filters) from the first one's cached lookups, by the same key.
/// </summary>
public sealed class SharedRedisTests(TwoCatalogsOnOneRedis hosts) : IClassFixture<TwoCatalogsOnOneRedis>
{
    [Fact]
    public async Task A_catalog_never_answers_from_the_lookups_another_catalog_cached_in_the_same_Redis()
    {
        using var attic = hosts.Attic.Client();
        using var plain = hosts.Plain.Client();

        var atticSlugs = (await attic.GetJsonAsync("/api/products/categories")).EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();
        var plainSlugs = (await plain.GetJsonAsync("/api/products/categories")).EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();

        Assert.Contains("attic", atticSlugs);
        Assert.DoesNotContain("attic", plainSlugs);
        Assert.Equal(["decor", "gifts", "home", "kitchen", "toys"], plainSlugs.Order());
    }
}
