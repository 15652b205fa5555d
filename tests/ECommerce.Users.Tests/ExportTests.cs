using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Users.Addresses;
using ECommerce.Users.Domain;
using ECommerce.Users.Preferences;
using ECommerce.Users.Profile;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class ExportTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_export_holds_the_profile_the_preferences_and_every_address()
    {
        var userId = TestData.NewUserId();
        var client = service.Customer(userId);
        await client.PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Export Me", "+44 7700 900456", true), Ct);
        await client.PutAsJsonAsync("/api/users/me/preferences", new UpdatePreferencesRequest("EUR", "fr-FR", true), Ct);
        var london = await client.AddAddressAsync(TestData.LondonAddress());
        var berlin = await client.AddAddressAsync(TestData.BerlinAddress());

        var response = await client.GetAsync("/api/users/me/export", Ct);
        var export = await response.ReadAsync<AccountExport>();

        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(userId, export.UserId);
        Assert.Equal(("Export Me", "+44 7700 900456", true), (export.Profile.DisplayName, export.Profile.Phone, export.Profile.MarketingConsent));
        Assert.Equal(new PreferencesResponse("EUR", "fr-FR", true), export.Preferences);
        Assert.Equal([london, berlin], export.Addresses.Select(a =>
            new AddressResponse(a.Id, a.Label, a.Recipient, a.Line1, a.Line2, a.City, a.Postcode, a.Region, a.Country, a.Phone, a.IsDefaultShipping, a.IsDefaultBilling)));
    }

    /// <summary>A guard for the future: a column added to the model but not to the export fails here.</summary>
    [Fact]
    public async Task The_export_names_every_stored_field()
    {
        var client = service.Customer(TestData.NewUserId());
        await client.AddAddressAsync(TestData.LondonAddress());
        await client.PutAsync($"/api/users/me/wishlist/{service.Products.AddProduct().Id}", null, Ct);
        using var export = JsonDocument.Parse(await client.GetStringAsync("/api/users/me/export", Ct));
        var model = await service.QueryAsync(db => Task.FromResult(db.Model));

        var profileType = model.FindEntityType(typeof(UserProfile))!;
        var stored = profileType.GetProperties().Select(p => p.Name)
            .Select(n => ("profile", n))
            .Concat(profileType.GetComplexProperties().Single().ComplexType.GetProperties().Select(p => ("preferences", p.Name)))
            .Concat(model.FindEntityType(typeof(Address))!.GetProperties().Select(p => p.Name)
                .Where(n => n != nameof(Address.UserId)) // the export is one user's: the id is at the top
                .Select(n => ("addresses", n)))
            .Concat(model.FindEntityType(typeof(WishlistItem))!.GetProperties().Select(p => p.Name)
                .Where(n => n != nameof(WishlistItem.UserId))
                .Select(n => ("wishlist", n)));

        foreach (var (section, field) in stored)
        {
            var element = export.RootElement.GetProperty(section);
            var container = element.ValueKind == JsonValueKind.Array ? element[0] : element;
            Assert.True(container.TryGetProperty(JsonNamingPolicy.CamelCase.ConvertName(field), out _), $"The export's {section} lacks {field}.");
        }
    }
}
