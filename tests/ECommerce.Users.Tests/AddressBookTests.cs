using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Users.Addresses;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class AddressBookTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_address_answers_exactly_the_fields_Orders_relies_on()
    {
        var client = service.Customer(TestData.NewUserId());
        var created = await client.AddAddressAsync(TestData.LondonAddress());

        var response = await client.GetAsync($"/api/users/me/addresses/{created.Id}", Ct);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(
            ["city", "country", "id", "isDefaultBilling", "isDefaultShipping", "label", "line1", "line2", "phone", "postcode", "recipient", "region"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(created.Id, json.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("SW1A 2AA", json.RootElement.GetProperty("postcode").GetString());
        Assert.Equal("GB", json.RootElement.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Creating_an_address_answers_201_with_its_location()
    {
        var client = service.Customer(TestData.NewUserId());

        var response = await client.PostAsJsonAsync("/api/users/me/addresses", TestData.BerlinAddress(), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<AddressResponse>();
        Assert.Equal($"/api/users/me/addresses/{created.Id}", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_first_address_becomes_the_default_for_shipping_and_billing_and_later_ones_do_not()
    {
        var client = service.Customer(TestData.NewUserId());

        var first = await client.AddAddressAsync(TestData.LondonAddress());
        var second = await client.AddAddressAsync(TestData.BerlinAddress());

        Assert.True(first.IsDefaultShipping && first.IsDefaultBilling);
        Assert.False(second.IsDefaultShipping || second.IsDefaultBilling);
    }

    [Fact]
    public async Task Making_an_address_the_shipping_default_moves_the_flag_and_leaves_billing_alone()
    {
        var client = service.Customer(TestData.NewUserId());
        var first = await client.AddAddressAsync(TestData.LondonAddress());
        var second = await client.AddAddressAsync(TestData.BerlinAddress());

        await (await client.PutAsJsonAsync($"/api/users/me/addresses/{second.Id}",
            TestData.BerlinAddress() with { IsDefaultShipping = true }, Ct)).ReadAsync<AddressResponse>();

        var book = await (await client.GetAsync("/api/users/me/addresses", Ct)).ReadAsync<List<AddressResponse>>();
        Assert.Equal([second.Id], book.Where(a => a.IsDefaultShipping).Select(a => a.Id));
        Assert.Equal([first.Id], book.Where(a => a.IsDefaultBilling).Select(a => a.Id));
    }

    [Fact]
    public async Task Concurrent_requests_to_make_different_addresses_default_leave_exactly_one_default()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        var addresses = new List<AddressResponse>();
        for (var i = 0; i < 6; i++)
        {
            addresses.Add(await client.AddAddressAsync(TestData.BerlinAddress($"Office {i}") with { IsDefaultShipping = false, IsDefaultBilling = false }));
        }

        var responses = await Task.WhenAll(addresses.Select(a =>
            client.PutAsJsonAsync($"/api/users/me/addresses/{a.Id}", TestData.BerlinAddress(a.Label) with { IsDefaultShipping = true }, Ct)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var defaults = await service.QueryAsync(db => db.Addresses.CountAsync(a => a.UserId == userId && a.IsDefaultShipping, Ct));
        Assert.Equal(1, defaults);
    }

    [Fact]
    public async Task Unknown_country_wrong_postcode_and_missing_fields_are_named_and_nothing_is_saved()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);

        var badCountry = await client.PostAsJsonAsync("/api/users/me/addresses", TestData.LondonAddress() with { Country = "XX" }, Ct);
        var badPostcode = await client.PostAsJsonAsync("/api/users/me/addresses", TestData.LondonAddress() with { Postcode = "12345" }, Ct);
        var missing = await client.PostAsJsonAsync("/api/users/me/addresses", new { country = "DE", postcode = "10117" }, Ct);

        Assert.Equal(["country"], await badCountry.ValidationFieldsAsync());
        Assert.Equal(["postcode"], await badPostcode.ValidationFieldsAsync());
        Assert.Equal(["city", "line1", "recipient"], await missing.ValidationFieldsAsync());
        Assert.Equal(0, await service.QueryAsync(db => db.Addresses.CountAsync(a => a.UserId == userId, Ct)));
    }

    [Fact]
    public async Task A_country_without_a_national_format_takes_the_generic_rule()
    {
        var client = service.Customer(TestData.NewUserId());

        var noPostcode = await client.PostAsJsonAsync("/api/users/me/addresses", TestData.BerlinAddress() with { Country = "HK", Postcode = null }, Ct);
        var nonsense = await client.PostAsJsonAsync("/api/users/me/addresses", TestData.BerlinAddress() with { Country = "BR", Postcode = "#!" }, Ct);

        Assert.Equal(HttpStatusCode.Created, noPostcode.StatusCode);
        Assert.Equal(["postcode"], await nonsense.ValidationFieldsAsync());
    }

    [Fact]
    public async Task A_deleted_address_is_gone()
    {
        var client = service.Customer(TestData.NewUserId());
        var address = await client.AddAddressAsync(TestData.LondonAddress());

        var deleted = await client.DeleteAsync($"/api/users/me/addresses/{address.Id}", Ct);
        var again = await client.DeleteAsync($"/api/users/me/addresses/{address.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/users/me/addresses/{address.Id}", Ct)).StatusCode);
    }
}
