using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Inventory;
using ECommerce.Products.Persistence;
using ECommerce.Products.Reviews;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Products.Tests;

/// <summary>What the review tests share: a product, a paid order of it (through the real handler), a review written.</summary>
internal static class ReviewHelpers
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewCustomer() => "rev-" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Guid> ProductAsync(this ProductsHost host, string name = "Reviewed Lamp") =>
        (await host.AddProductsAsync([(name, "", 10m, "decor", "acme", 50)]))[0].Id;

    public static Task PaidAsync(this ProductsHost host, string customerId, params Guid[] productIds) =>
        host.HandleAsync<OrderPaidHandler, OrderPaid>(new OrderPaid(Guid.NewGuid(), customerId,
            [.. productIds.Select(id => new OrderLine(id, "sku", 1, 10m))], "GBP", 10m));

    public static Task UserDeletedAsync(this ProductsHost host, string customerId) =>
        host.HandleAsync<UserDeletedHandler, UserDeleted>(new UserDeleted(customerId));

    /// <summary>Runs a handler the way the inbox does: in a transaction, saved and committed after it.</summary>
    public static async Task HandleAsync<THandler, TEvent>(this ProductsHost host, TEvent @event)
        where THandler : IIntegrationEventHandler<TEvent> where TEvent : IntegrationEvent
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<THandler>().HandleAsync(@event, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, Ct);
    }

    public static HttpClient Shopper(this ProductsHost host, string customerId) => host.Client(TestTokens.Customer(customerId));

    public static Task<HttpResponseMessage> PutReviewAsync(this HttpClient client, Guid productId, object body) =>
        client.PutAsJsonAsync($"/api/products/{productId}/reviews/mine", body, Ct);

    /// <summary>Writes a review as a verified purchaser and returns its id.</summary>
    public static async Task<Guid> ReviewAsync(this ProductsHost host, string customerId, Guid productId, int rating)
    {
        using var client = host.Shopper(customerId);
        using var response = await client.PutReviewAsync(productId, new { rating, title = $"{rating} stars", body = "Does what it says." });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ModerateAsync(this ProductsHost host, Guid reviewId, string action, string? reason = null)
    {
        using var admin = host.Client(TestTokens.Admin());
        using var response = await admin.PostAsJsonAsync($"/api/products/admin/reviews/{reviewId}/{action}", new { reason }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadJsonAsync();
    }

    public static async Task<(decimal? Average, int Count)> RatingAsync(this ProductsHost host, Guid productId)
    {
        var product = await host.Client().GetJsonAsync($"/api/products/{productId}");
        var rating = product.GetProperty("rating");
        var average = rating.GetProperty("average");
        return (average.ValueKind == JsonValueKind.Null ? null : average.GetDecimal(), rating.GetProperty("count").GetInt32());
    }

    public static async Task<int> PurchaserRowsAsync(this ProductsHost host, string customerId)
    {
        await using var db = host.NewDbContext();
        return await db.Purchasers.CountAsync(p => p.CustomerId == customerId, Ct);
    }
}
