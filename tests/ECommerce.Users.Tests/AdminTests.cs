using System.Net;
using System.Net.Http.Json;
using ECommerce.Testing;
using ECommerce.Users.Admin;
using ECommerce.Users.Domain;
using ECommerce.Users.Profile;

namespace ECommerce.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class AdminTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Admin => service.Client(TestTokens.Admin());

    [Fact]
    public async Task Admins_search_by_part_of_the_name_or_email_a_page_at_a_time_newest_first()
    {
        var marker = $"m{Guid.NewGuid():N}"[..12];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = TestData.NewUserId();
            ids.Add(id);
            await service.Customer(id).PutAsJsonAsync("/api/users/me", new UpdateProfileRequest($"Shopper {marker} {i}", null, false), Ct);
        }

        var first = await (await Admin.GetAsync($"/api/users?search={marker.ToUpperInvariant()}&limit=2", Ct)).ReadAsync<UserPage>();
        var second = await (await Admin.GetAsync($"/api/users?search={marker}&limit=2&cursor={first.Next}", Ct)).ReadAsync<UserPage>();
        var byEmail = await (await Admin.GetAsync($"/api/users?search={ids[0]}@example", Ct)).ReadAsync<UserPage>();

        Assert.Equal((3, 2, 1), (first.Total, first.Items.Count, second.Items.Count));
        Assert.Null(second.Next);
        Assert.Equal(ids.AsEnumerable().Reverse(), first.Items.Concat(second.Items).Select(u => u.UserId));
        Assert.Equal([ids[0]], byEmail.Items.Select(u => u.UserId));
    }

    [Fact]
    public async Task Search_text_is_matched_literally()
    {
        var id = TestData.NewUserId();
        await service.Customer(id).PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Deal hunter 100%_off", null, false), Ct);

        var page = await (await Admin.GetAsync("/api/users?search=%25_off&limit=100", Ct)).ReadAsync<UserPage>();

        Assert.Contains(page.Items, u => u.UserId == id);
        Assert.All(page.Items, u => Assert.Contains("%_off", u.DisplayName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_paging_is_a_validation_problem_naming_the_parameter()
    {
        var response = await Admin.GetAsync("/api/users?cursor=not-a-cursor&limit=1000", Ct);

        Assert.Equal(["cursor", "limit"], await response.ValidationFieldsAsync());
    }

    [Fact]
    public async Task An_admin_sees_one_user_s_data_and_an_unknown_user_is_404()
    {
        var id = TestData.NewUserId();
        var address = await service.Customer(id).AddAddressAsync(TestData.BerlinAddress());

        var details = await (await Admin.GetAsync($"/api/users/{id}", Ct)).ReadAsync<AccountExport>();
        var unknown = await Admin.GetAsync($"/api/users/{TestData.NewUserId()}", Ct);

        Assert.Equal([address.Id], details.Addresses.Select(a => a.Id));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
