using System.Text.Json;

namespace ECommerce.Products.Tests;

/// <summary>Approved reviews reach the catalog: each list item's average and count, and the "top rated" sort with its cursor.</summary>
public sealed class TopRatedTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    [Fact]
    public async Task Top_rated_lists_the_highest_average_first_then_the_most_reviewed_and_pages_in_that_order()
    {
        // A word of letters only, in no other product's name: the search finds exactly these four.
        var word = "rated" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8));
        var products = await host.AddProductsAsync(
            new[] { "one", "two", "three", "four" }.Select(n => ($"Lamp {word} {n}", "", 10m, "decor", "acme", 50)));
        var (five, fewerFours, moreFours, unrated) = (products[0].Id, products[1].Id, products[2].Id, products[3].Id);
        await ApprovedAsync(five, 5);
        await ApprovedAsync(fewerFours, 5, 4);
        await ApprovedAsync(moreFours, 4, 5, 5, 4);

        var page = await host.Client().GetJsonAsync($"/api/products?q={word}&sort=top_rated");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([five, moreFours, fewerFours, unrated], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal([5.0m, 4.5m, 4.5m], items.Take(3).Select(i => i.GetProperty("rating").GetDecimal()));
        Assert.Equal([1, 4, 2, 0], items.Select(i => i.GetProperty("reviews").GetInt32()));
        Assert.Equal(JsonValueKind.Null, items[3].GetProperty("rating").ValueKind);

        // One at a time through the cursor: the same order, nothing repeated or skipped.
        var paged = new List<Guid>();
        string? cursor = null;
        do
        {
            var next = await host.Client().GetJsonAsync($"/api/products?q={word}&sort=top_rated&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            paged.AddRange(next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = next.GetProperty("next").GetString();
        }
        while (cursor is not null && paged.Count < 10);
        Assert.Equal([five, moreFours, fewerFours, unrated], paged);
    }

    private async Task ApprovedAsync(Guid product, params int[] ratings)
    {
        foreach (var rating in ratings)
        {
            var customer = ReviewHelpers.NewCustomer();
            await host.PaidAsync(customer, product);
            await host.ModerateAsync(await host.ReviewAsync(customer, product, rating), "approve");
        }
    }
}
