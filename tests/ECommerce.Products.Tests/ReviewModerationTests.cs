using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Products.Domain;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Tests;

/// <summary>Moderation: only approved reviews are public and counted; the rating follows every change; deletion anonymises.</summary>
public sealed class ReviewModerationTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_approved_reviews_are_public_and_a_rejection_reason_reaches_only_its_author()
    {
        var product = await host.ProductAsync();
        var (a, b, c) = (ReviewHelpers.NewCustomer(), ReviewHelpers.NewCustomer(), ReviewHelpers.NewCustomer());
        foreach (var customer in new[] { a, b, c })
        {
            await host.PaidAsync(customer, product);
        }

        var approved = await host.ReviewAsync(a, product, 5);
        var rejected = await host.ReviewAsync(b, product, 1);
        await host.ReviewAsync(c, product, 3);

        using var admin = host.Client(TestTokens.Admin());
        var queue = await admin.GetJsonAsync("/api/products/admin/reviews?status=Pending&limit=50");
        var queued = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(approved, queued);
        Assert.Contains(rejected, queued);

        Assert.Equal("Approved", (await host.ModerateAsync(approved, "approve")).GetProperty("status").GetString());
        var rejection = await host.ModerateAsync(rejected, "reject", "Mentions another shop.");
        Assert.Equal("Rejected", rejection.GetProperty("status").GetString());

        var page = await host.Client().GetJsonAsync($"/api/products/{product}/reviews");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([approved], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.False(items[0].TryGetProperty("rejectionReason", out _));
        Assert.Equal(1, page.GetProperty("count").GetInt32());
        Assert.Equal(5m, page.GetProperty("average").GetDecimal());

        using var author = host.Shopper(b);
        var mine = await author.GetJsonAsync($"/api/products/{product}/reviews/mine");
        Assert.True(mine.GetProperty("canReview").GetBoolean());
        Assert.Equal("Rejected", mine.GetProperty("review").GetProperty("status").GetString());
        Assert.Equal("Mentions another shop.", mine.GetProperty("review").GetProperty("rejectionReason").GetString());
    }

    [Fact]
    public async Task The_average_and_count_follow_approve_edit_reject_and_delete()
    {
        var product = await host.ProductAsync();
        var (a, b) = (ReviewHelpers.NewCustomer(), ReviewHelpers.NewCustomer());
        await host.PaidAsync(a, product);
        await host.PaidAsync(b, product);
        Assert.Equal((null, 0), await host.RatingAsync(product));

        var first = await host.ReviewAsync(a, product, 5);
        var second = await host.ReviewAsync(b, product, 2);
        Assert.Equal((null, 0), await host.RatingAsync(product));

        await host.ModerateAsync(first, "approve");
        await host.ModerateAsync(second, "approve");
        Assert.Equal((3.5m, 2), await host.RatingAsync(product));

        // An edit waits for moderation again, so it leaves the rating until approved.
        await host.ReviewAsync(b, product, 4);
        Assert.Equal((5m, 1), await host.RatingAsync(product));
        await host.ModerateAsync(second, "approve");
        Assert.Equal((4.5m, 2), await host.RatingAsync(product));

        await host.ModerateAsync(first, "reject", "Off topic.");
        Assert.Equal((4m, 1), await host.RatingAsync(product));

        using var client = host.Shopper(b);
        using var deleted = await client.DeleteAsync($"/api/products/{product}/reviews/mine", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((null, 0), await host.RatingAsync(product));
    }

    [Fact]
    public async Task Approved_reviews_page_newest_first_by_cursor()
    {
        var product = await host.ProductAsync();
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            var customer = ReviewHelpers.NewCustomer();
            await host.PaidAsync(customer, product);
            ids.Add(await host.ReviewAsync(customer, product, i));
            await host.ModerateAsync(ids[^1], "approve");
        }

        using var anonymous = host.Client();
        var first = await anonymous.GetJsonAsync($"/api/products/{product}/reviews?limit=2");
        var next = first.GetProperty("next").GetString();
        var second = await anonymous.GetJsonAsync($"/api/products/{product}/reviews?limit=2&cursor={next}");

        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetGuid());
        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Equal(2m, first.GetProperty("average").GetDecimal());
    }

    [Fact]
    public async Task Moderation_is_for_admins_only()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, product);
        var review = await host.ReviewAsync(customer, product, 4);
        using var shopper = host.Shopper(customer);
        using var anonymous = host.Client();

        using var queue = await shopper.GetAsync("/api/products/admin/reviews", Ct);
        using var approve = await shopper.PostAsJsonAsync($"/api/products/admin/reviews/{review}/approve", new { }, Ct);
        using var reject = await shopper.PostAsJsonAsync($"/api/products/admin/reviews/{review}/reject", new { reason = "no" }, Ct);
        using var anonymousQueue = await anonymous.GetAsync("/api/products/admin/reviews", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousQueue.StatusCode);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_an_unknown_review_is_404()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, product);
        var review = await host.ReviewAsync(customer, product, 4);
        using var admin = host.Client(TestTokens.Admin());

        using var noReason = await admin.PostAsJsonAsync($"/api/products/admin/reviews/{review}/reject", new { reason = " " }, Ct);
        using var unknown = await admin.PostAsJsonAsync($"/api/products/admin/reviews/{Guid.NewGuid()}/approve", new { }, Ct);
        using var badStatus = await admin.GetAsync("/api/products/admin/reviews?status=Deleted", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_anonymises_its_reviews_and_forgets_its_purchases()
    {
        var product = await host.ProductAsync();
        var customer = ReviewHelpers.NewCustomer();
        await host.PaidAsync(customer, product);
        var review = await host.ReviewAsync(customer, product, 5);
        await host.ModerateAsync(review, "approve");

        await host.UserDeletedAsync(customer);
        await host.UserDeletedAsync(customer);

        var page = await host.Client().GetJsonAsync($"/api/products/{product}/reviews");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(Review.FormerCustomer, item.GetProperty("authorName").GetString());
        Assert.Equal((5m, 1), await host.RatingAsync(product));
        await using var db = host.NewDbContext();
        Assert.Null((await db.Reviews.SingleAsync(r => r.Id == review, Ct)).CustomerId);
        Assert.Equal(0, await host.PurchaserRowsAsync(customer));

        // Without the purchase record the same id (were it ever reused) can no longer write.
        using var client = host.Shopper(customer);
        var mine = await client.GetJsonAsync($"/api/products/{product}/reviews/mine");
        Assert.False(mine.GetProperty("canReview").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("review").ValueKind);
    }
}
