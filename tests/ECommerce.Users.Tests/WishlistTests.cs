using System.Net;
using System.Net.Http.Json;
using ECommerce.Users.Domain;
using ECommerce.Users.Wishlist;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Tests;

/// <summary>The wishlist on the real service and database, with Products' lookup played by <see cref="ProductsStandIn"/>.</summary>
[Collection(UsersServiceCollection.Name)]
public sealed class WishlistTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ProductsStandIn Products => service.Products;

    [Fact]
    public async Task A_saved_product_is_listed_with_its_live_name_image_price_and_availability()
    {
        var client = service.Customer(TestData.NewUserId());
        var product = Products.AddProduct(price: 24.50m);

        var saved = await (await client.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct)).ReadAsync<WishlistItemView>();
        var list = await client.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct);

        Assert.Equal((product.Id, product.Name, 24.50m, 24.50m, true, true), (saved.ProductId, saved.Name, saved.Price, saved.PriceWhenSaved, saved.Available, saved.Active));
        var item = Assert.Single(list!.Items);
        Assert.Equal((product.Name, product.Slug, product.ImageUrl, 24.50m, "GBP"), (item.Name, item.Slug, item.ImageUrl, item.Price, item.Currency));
        Assert.False(item.PriceDropped);
        Assert.False(item.BackInStock);
        Assert.Equal(WishlistItem.MaxPerUser, list.MaxItems);
    }

    [Fact]
    public async Task Saving_a_product_twice_keeps_one_item_and_the_first_price()
    {
        var client = service.Customer(TestData.NewUserId());
        var product = Products.AddProduct(price: 30m);
        var first = await (await client.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct)).ReadAsync<WishlistItemView>();
        Products.Change(product.Id, p => p with { Price = 35m });

        var second = await (await client.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct)).ReadAsync<WishlistItemView>();

        Assert.Equal((first.SavedAt, 30m), (second.SavedAt, second.PriceWhenSaved));
        Assert.Single((await client.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct))!.Items);
    }

    [Fact]
    public async Task A_removed_product_leaves_the_list_and_removing_it_again_is_not_found()
    {
        var client = service.Customer(TestData.NewUserId());
        var kept = Products.AddProduct();
        var removed = Products.AddProduct();
        await client.PutAsync($"/api/users/me/wishlist/{kept.Id}", null, Ct);
        await client.PutAsync($"/api/users/me/wishlist/{removed.Id}", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/users/me/wishlist/{removed.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/users/me/wishlist/{removed.Id}", Ct)).StatusCode);
        var list = await client.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct);
        Assert.Equal([kept.Id], list!.Items.Select(i => i.ProductId));
    }

    [Fact]
    public async Task Another_customer_neither_sees_nor_removes_my_saved_products()
    {
        var mine = service.Customer(TestData.NewUserId());
        var theirs = service.Customer(TestData.NewUserId());
        var product = Products.AddProduct();
        await mine.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct);

        Assert.Empty((await theirs.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/users/me/wishlist/{product.Id}", Ct)).StatusCode);
        Assert.Single((await mine.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct))!.Items);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client().GetAsync("/api/users/me/wishlist", Ct)).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_no_longer_sold_products_are_refused_naming_productId()
    {
        var client = service.Customer(TestData.NewUserId());
        var hidden = Products.AddProduct(active: false);

        var unknown = await client.PutAsync($"/api/users/me/wishlist/{Guid.NewGuid()}", null, Ct);
        var inactive = await client.PutAsync($"/api/users/me/wishlist/{hidden.Id}", null, Ct);

        Assert.Equal(["productId"], await unknown.ValidationFieldsAsync());
        Assert.Equal(["productId"], await inactive.ValidationFieldsAsync());
        Assert.Empty((await client.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct))!.Items);
    }

    [Fact]
    public async Task A_price_drop_and_a_restock_are_marked_against_the_save()
    {
        var client = service.Customer(TestData.NewUserId());
        var cheaper = Products.AddProduct(price: 40m);
        var restocked = Products.AddProduct(price: 15m, available: 0);
        var dearer = Products.AddProduct(price: 10m);
        foreach (var p in new[] { cheaper, restocked, dearer })
        {
            await client.PutAsync($"/api/users/me/wishlist/{p.Id}", null, Ct);
        }

        Products.Change(cheaper.Id, p => p with { Price = 32m });
        Products.Change(restocked.Id, p => p with { Available = 3 });
        Products.Change(dearer.Id, p => p with { Price = 12m });
        var items = (await client.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct))!.Items.ToDictionary(i => i.ProductId);

        Assert.Equal((true, 40m, 32m, false), (items[cheaper.Id].PriceDropped, items[cheaper.Id].OldPrice, items[cheaper.Id].Price, items[cheaper.Id].BackInStock));
        Assert.Equal((false, (decimal?)null, true, true), (items[restocked.Id].PriceDropped, items[restocked.Id].OldPrice, items[restocked.Id].BackInStock, items[restocked.Id].Available));
        Assert.Equal((false, (decimal?)null, false), (items[dearer.Id].PriceDropped, items[dearer.Id].OldPrice, items[dearer.Id].BackInStock));
    }

    [Fact]
    public async Task A_product_Products_stops_selling_stays_listed_as_inactive_without_marks()
    {
        var client = service.Customer(TestData.NewUserId());
        var product = Products.AddProduct(price: 40m);
        await client.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct);
        Products.Change(product.Id, p => p with { Active = false, Price = 5m });

        var item = Assert.Single((await client.GetFromJsonAsync<WishlistView>("/api/users/me/wishlist", Ct))!.Items);

        Assert.Equal((false, false, false), (item.Active, item.Available, item.PriceDropped));
    }

    [Fact]
    public async Task A_merge_adds_the_visitors_products_once_and_reports_the_ones_not_saved()
    {
        var client = service.Customer(TestData.NewUserId());
        var already = Products.AddProduct();
        var fresh = Products.AddProduct();
        var hidden = Products.AddProduct(active: false);
        var unknown = Guid.NewGuid();
        await client.PutAsync($"/api/users/me/wishlist/{already.Id}", null, Ct);

        var result = await (await client.PostAsJsonAsync("/api/users/me/wishlist/merge",
            new MergeWishlistRequest([fresh.Id, already.Id, fresh.Id, hidden.Id, unknown]), Ct)).ReadAsync<WishlistMergeResult>();

        Assert.Equal(new[] { already.Id, fresh.Id }.Order(), result.Wishlist.Items.Select(i => i.ProductId).Order());
        Assert.Equal(new[] { hidden.Id, unknown }.Order(), result.NotSaved.Order());
        // Merging the same list again (a second tab signing in) changes nothing.
        var again = await (await client.PostAsJsonAsync("/api/users/me/wishlist/merge", new MergeWishlistRequest([fresh.Id, already.Id]), Ct)).ReadAsync<WishlistMergeResult>();
        Assert.Equal(2, again.Wishlist.Items.Count);
        Assert.Empty(again.NotSaved);
    }

    [Fact]
    public async Task A_merge_stops_at_the_limit_and_a_save_past_it_is_refused()
    {
        var client = service.Customer(TestData.NewUserId());
        var first = Enumerable.Range(0, 150).Select(_ => Products.AddProduct().Id).ToList();
        var second = Enumerable.Range(0, 80).Select(_ => Products.AddProduct().Id).ToList();
        await (await client.PostAsJsonAsync("/api/users/me/wishlist/merge", new MergeWishlistRequest(first), Ct)).ReadAsync<WishlistMergeResult>();

        var result = await (await client.PostAsJsonAsync("/api/users/me/wishlist/merge", new MergeWishlistRequest(second), Ct)).ReadAsync<WishlistMergeResult>();
        var full = await client.PutAsync($"/api/users/me/wishlist/{Products.AddProduct().Id}", null, Ct);

        Assert.Equal(WishlistItem.MaxPerUser, result.Wishlist.Items.Count);
        Assert.Equal(second.Skip(50), result.NotSaved);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.All(Products.LookupSizes, size => Assert.InRange(size, 1, 100));
    }

    [Fact]
    public async Task A_merge_of_more_ids_than_the_limit_or_of_none_is_refused_naming_productIds()
    {
        var client = service.Customer(TestData.NewUserId());
        var tooMany = Enumerable.Range(0, WishlistItem.MaxPerUser + 1).Select(_ => Guid.NewGuid()).ToList();

        Assert.Equal(["productIds"], await (await client.PostAsJsonAsync("/api/users/me/wishlist/merge", new MergeWishlistRequest(tooMany), Ct)).ValidationFieldsAsync());
        Assert.Equal(["productIds"], await (await client.PostAsJsonAsync("/api/users/me/wishlist/merge", new { }, Ct)).ValidationFieldsAsync());
    }

    [Fact]
    public async Task Deleting_the_account_removes_the_wishlist_and_the_export_holds_it_until_then()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        var product = Products.AddProduct(price: 9.99m);
        await client.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct);

        var export = await (await client.GetAsync("/api/users/me/export", Ct)).ReadAsync<AccountExport>();
        Assert.Equal([(product.Id, 9.99m, "GBP", true)], export.Wishlist.Select(w => (w.ProductId, w.PriceWhenSaved, w.Currency, w.AvailableWhenSaved)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/users/me", Ct)).StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.WishlistItems.CountAsync(w => w.UserId == userId, Ct)));
        // The still-valid token cannot start a new list for the deleted account.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/users/me/wishlist/{product.Id}", null, Ct)).StatusCode);
    }
}
