using System.Net;

namespace ECommerce.Products.Tests;

/// <summary>minRating keeps products whose approved reviews average at least n stars; the ratings facet counts each "n &amp; up".</summary>
public sealed class MinRatingTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Min_rating_filters_on_the_exact_average_and_the_facet_counts_leave_out_its_own_filter()
    {
        // A word of letters only, in no other product's name: the search finds exactly these products.
        var word = "stars" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8));
        var products = await host.AddProductsAsync(
            new[] { "five", "four", "almost", "unrated" }.Select(n => ($"Vase {word} {n}", "", 10m, "decor", "acme", 50)));
        var (five, four, almost) = (products[0].Id, products[1].Id, products[2].Id);
        await ApprovedAsync(five, 5);
        await ApprovedAsync(four, 4, 4);
        // 3.5 on average: not "4 & up", even though it shows as 3.5.
        await ApprovedAsync(almost, 4, 3);

        var fourUp = await host.Client().GetJsonAsync($"/api/products?q={word}&minRating=4");
        Assert.Equal(new HashSet<Guid> { five, four }, fourUp.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet());
        var facets = fourUp.GetProperty("facets");
        Assert.Equal(2, facets.GetProperty("total").GetInt32());
        // Counted without the minRating filter itself, so "3 & up" still says what choosing it would give.
        var ratings = facets.GetProperty("ratings").EnumerateArray().ToDictionary(r => r.GetProperty("minRating").GetInt32(), r => r.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [4] = 2, [3] = 3, [2] = 3, [1] = 3 }, ratings);

        var threeUp = await host.Client().GetJsonAsync($"/api/products?q={word}&minRating=3");
        Assert.Equal(3, threeUp.GetProperty("items").GetArrayLength());

        // The other facets narrow to the rating filter.
        var all = await host.Client().GetJsonAsync($"/api/products?q={word}");
        Assert.Equal(4, all.GetProperty("facets").GetProperty("total").GetInt32());
        Assert.Equal(2, fourUp.GetProperty("facets").GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "decor").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("4.5")]
    [InlineData("four")]
    public async Task A_min_rating_outside_one_to_four_is_a_validation_problem_naming_it(string value)
    {
        using var response = await host.Client().GetAsync($"/api/products?minRating={value}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("minRating", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
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
