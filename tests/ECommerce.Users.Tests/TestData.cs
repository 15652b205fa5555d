using System.Net.Http.Json;
using ECommerce.Users.Addresses;

namespace ECommerce.Users.Tests;

/// <summary>Unique users and valid requests, so tests sharing one service never see each other's data.</summary>
internal static class TestData
{
    public static string NewUserId() => $"user-{Guid.NewGuid():N}";

    public static SaveAddressRequest LondonAddress(string label = "Home", bool? defaultShipping = null, bool? defaultBilling = null) =>
        new(label, "Ada Lovelace", "10 Downing Street", null, "London", "sw1a 2aa", null, "gb", "+44 20 7946 0000", defaultShipping, defaultBilling);

    public static SaveAddressRequest BerlinAddress(string label = "Work") =>
        new(label, "Ada Lovelace", "Unter den Linden 1", "3. OG", "Berlin", "10117", "Berlin", "DE", null, null, null);

    public static async Task<AddressResponse> AddAddressAsync(this HttpClient client, SaveAddressRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/users/me/addresses", request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AddressResponse>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<string[]> ValidationFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()];
    }
}
