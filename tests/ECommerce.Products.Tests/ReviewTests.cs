using System.Net;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Tests;

/// <summary>Writing reviews: only verified purchasers, one per product, plain text within limits, at a limited rate.</summary>
public sealed class ReviewTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_who_never_bought_the_product_gets_403_and_no_review_is_stored()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, await host.ProductAsync("Another Lamp"));
        using var client = host.Shopper(customer);

        using var response = await client.PutReviewAsync(product, new { rating = 5, title = "Great", body = "Lovely." });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var mine = await client.GetJsonAsync($"/api/products/{product}/reviews/mine");
        Assert.False(mine.GetProperty("canReview").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("review").ValueKind);
    }

    [Fact]
    public async Task After_OrderPaid_the_customer_reviews_once_and_a_second_PUT_edits_it_back_to_pending()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, product);
        using var client = host.Shopper(customer);

        using var created = await client.PutReviewAsync(product, new { rating = 4, title = "  Good lamp ", body = "<b>Bright</b> enough." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.ReadJsonAsync();
        Assert.Equal("Good lamp", first.GetProperty("title").GetString());
        Assert.Equal("<b>Bright</b> enough.", first.GetProperty("body").GetString());
        Assert.Equal("Pending", first.GetProperty("status").GetString());
        await host.ModerateAsync(first.GetProperty("id").GetGuid(), "approve");

        using var edited = await client.PutReviewAsync(product, new { rating = 2, title = "Dimmer now", body = "Faded." });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var second = await edited.ReadJsonAsync();
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal("Pending", second.GetProperty("status").GetString());
        Assert.Equal(2, second.GetProperty("rating").GetInt32());
        await using var db = host.NewDbContext();
        Assert.Equal(1, await db.Reviews.CountAsync(r => r.ProductId == product, Ct));
    }

    [Fact]
    public async Task OrderPaid_records_a_purchaser_once_and_never_a_guest()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        var guest = GuestCustomers.IdFor($"{customer}@example.test");

        await host.PaidAsync(customer, product, product);
        await host.PaidAsync(customer, product);
        await host.PaidAsync(guest, product);

        Assert.Equal(1, await host.PurchaserRowsAsync(customer));
        Assert.Equal(0, await host.PurchaserRowsAsync(guest));
    }

    [Theory]
    [InlineData(0, "Fine", "Fine.", "rating")]
    [InlineData(6, "Fine", "Fine.", "rating")]
    [InlineData(null, "Fine", "Fine.", "rating")]
    [InlineData(3, "", "Fine.", "title")]
    [InlineData(3, "Fine", "   ", "body")]
    [InlineData(3, "Tab\tis text but bell \u0007 is not", "Fine.", "title")]
    [InlineData(3, "Fine", "Hidden \u202Ereversed", "body")]
    public async Task A_bad_review_is_a_400_naming_the_field(int? rating, string title, string body, string field)
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, product);
        using var client = host.Shopper(customer);

        using var response = await client.PutReviewAsync(product, new { rating, title, body });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Too_long_title_and_body_are_400s_naming_both()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, product);
        using var client = host.Shopper(customer);

        using var response = await client.PutReviewAsync(product,
            new { rating = 3, title = new string('t', ReviewRules.MaxTitleLength + 1), body = new string('b', ReviewRules.MaxBodyLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Review_writes_beyond_the_limit_are_429_with_Retry_After()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        using var client = host.Shopper(customer);
        var limit = new Reviews.ReviewLimits().WritesPerWindow;

        for (var i = 0; i < limit; i++)
        {
            using var allowed = await client.PutReviewAsync(product, new { rating = 0 });
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await client.PutReviewAsync(product, new { rating = 3, title = "Fine", body = "Fine." });
        using var otherClient = host.Shopper(ReviewHelpers.NewCustomer());
        using var other = await otherClient.PutReviewAsync(product, new { rating = 0 });

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task The_own_review_endpoints_need_a_signed_in_customer()
    {
        var product = await host.ProductAsync();
        using var anonymous = host.Client();

        using var get = await anonymous.GetAsync($"/api/products/{product}/reviews/mine", Ct);
        using var put = await anonymous.PutReviewAsync(product, new { rating = 3, title = "Fine", body = "Fine." });

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Theory]
    [InlineData("Ada Lovelace", "Ada L.")]
    [InlineData("Grace Brewster Hopper", "Grace H.")]
    [InlineData("Plato", "Plato")]
    [InlineData("ada.lovelace@example.test", "ada L.")]
    [InlineData("   ", "A customer")]
    public void The_author_is_shown_by_first_name_and_initial(string name, string shown) =>
        Assert.Equal(shown, ReviewRules.AuthorName(name));
}
