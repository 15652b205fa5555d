using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Products.Domain;
using ECommerce.Products.Inventory;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Products.Tests;

/// <summary>Variants: the product page's family, the admin's checks on a family, the lookup's label, and stock per variant.</summary>
public sealed class VariantTests(VariantHost host) : IClassFixture<VariantHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_variants_page_lists_its_family_with_each_variants_own_price_and_stock()
    {
        await using var db = host.NewDbContext();
        var redM = await db.Products.SingleAsync(p => p.FamilyId == host.ShirtId && p.Price == 22m, Ct);

        var page = await host.Client().GetJsonAsync($"/api/products/by-slug/{redM.Slug}");

        var family = page.GetProperty("family");
        Assert.Equal("Linen Shirt", family.GetProperty("name").GetString());
        Assert.Equal(["Colour", "Size"], family.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()!));
        var variants = family.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(["Blue/S", "Blue/M", "Red/M", "Green/L"], variants.Select(v =>
            $"{v.GetProperty("options").GetProperty("Colour").GetString()}/{v.GetProperty("options").GetProperty("Size").GetString()}"));
        Assert.Equal([20m, 20m, 22m, 24m], variants.Select(v => v.GetProperty("price").GetDecimal()));
        Assert.Equal([5, 3, 0, 2], variants.Select(v => v.GetProperty("available").GetInt32()));
        Assert.Equal(JsonValueKind.Null, (await host.Client().GetJsonAsync($"/api/products/by-slug/{(await db.Products.FirstAsync(p => p.Name == "Tea Towel", Ct)).Slug}")).GetProperty("family").ValueKind);
    }

    [Fact]
    public async Task A_variant_missing_an_option_value_or_repeating_a_combination_is_a_400_naming_the_field()
    {
        using var admin = host.Client(TestTokens.Admin());
        using var created = await admin.PostAsJsonAsync("/api/products/families", new
        {
            name = "Canvas Apron",
            category = "kitchen",
            brand = "Acme",
            options = new[] { new { name = "Colour", values = new[] { "Navy", "Sand" } }, new { name = "Size", values = new[] { "S", "L" } } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var familyId = (await created.ReadJsonAsync()).GetProperty("id").GetString();

        using var first = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants",
            new { sku = "APRON-NS", price = 12m, optionValues = new { colour = "navy", size = "S" }, initialStock = 3 }, Ct);
        using var missing = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants",
            new { sku = "APRON-N", price = 12m, optionValues = new { Colour = "Navy" } }, Ct);
        using var duplicate = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants",
            new { sku = "APRON-NS2", price = 12m, optionValues = new { Colour = "Navy", Size = "s" } }, Ct);
        using var unknown = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants",
            new { sku = "APRON-X", price = 12m, optionValues = new { Colour = "Pink", Size = "S" } }, Ct);
        using var badFamily = await admin.PostAsJsonAsync("/api/products/families",
            new { name = "No Options", category = "kitchen", brand = "Acme", options = Array.Empty<object>() }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var variant = await first.ReadJsonAsync();
        Assert.Equal("Navy", variant.GetProperty("family").GetProperty("variants")[0].GetProperty("options").GetProperty("Colour").GetString());
        await AssertProblemAsync(missing, "optionValues.Size");
        await AssertProblemAsync(duplicate, "optionValues");
        await AssertProblemAsync(unknown, "optionValues.Colour");
        await AssertProblemAsync(badFamily, "options");
    }

    [Fact]
    public async Task The_lookup_names_a_variants_options_and_none_for_a_standalone_product()
    {
        await using var db = host.NewDbContext();
        var blueS = await db.Products.SingleAsync(p => p.FamilyId == host.ShirtId && p.Stock!.Available == 5, Ct);
        var towel = await db.Products.SingleAsync(p => p.Name == "Tea Towel", Ct);

        using var response = await host.Client().PostAsJsonAsync("/api/products/lookup", new { ids = new[] { blueS.Id, towel.Id } }, Ct);
        var items = (await response.ReadJsonAsync()).EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());

        Assert.Equal("Blue / S", items[blueS.Id].GetProperty("variantLabel").GetString());
        Assert.Equal(JsonValueKind.Null, items[towel.Id].GetProperty("variantLabel").ValueKind);
    }

    [Fact]
    public async Task Concurrent_orders_for_one_variants_last_units_never_oversell_and_leave_its_sibling_alone()
    {
        var familyId = await host.AddFamilyAsync("Cord Cap", "toys", "wren", [new("Colour", ["Black", "Olive"])],
            [(new() { ["Colour"] = "Black" }, 9m, 3), (new() { ["Colour"] = "Olive" }, 9m, 7)]);
        await using var db = host.NewDbContext();
        var variants = await db.Products.Where(p => p.FamilyId == familyId).ToDictionaryAsync(p => p.OptionValues["Colour"], p => p.Id, Ct);
        var black = variants["Black"];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Task.Run(() => PlaceAsync(Guid.NewGuid(), black), Ct)));

        var stock = await db.Stock.AsNoTracking().Where(s => variants.Values.Contains(s.ProductId)).ToDictionaryAsync(s => s.ProductId, Ct);
        Assert.Equal(3, outcomes.Count(o => o == ReservationStatus.Reserved));
        Assert.Equal((0, 3), (stock[black].Available, stock[black].Reserved));
        Assert.Equal((7, 0), (stock[variants["Olive"]].Available, stock[variants["Olive"]].Reserved));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
    }

    /// <summary>Runs the OrderPlaced handler as the inbox does: one transaction per message, retried on transient failure.</summary>
    private async Task<ReservationStatus> PlaceAsync(Guid orderId, Guid productId)
    {
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
            var placed = new OrderPlaced(orderId, "user-a", [new OrderLine(productId, "sku", 1, 9m)], "GBP", 9m, "pm_card_visa");
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await scope.ServiceProvider.GetRequiredService<OrderPlacedHandler>().HandleAsync(placed, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, Ct);
        }

        await using var check = host.NewDbContext();
        return (await check.Reservations.SingleAsync(r => r.OrderId == orderId, Ct)).Status;
    }
}
