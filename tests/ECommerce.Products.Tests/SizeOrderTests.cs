using System.Net;
using System.Net.Http.Json;
using ECommerce.Products.Domain;
using ECommerce.Testing;

namespace ECommerce.Products.Tests;

/// <summary>
/// Sizes read as a shopper reads them wherever they show: the shared order itself, the admin API's stored option order
/// (so the picker's), and the size facet. The seed's families are checked in <see cref="SeedFamilyTests"/>.
/// </summary>
public sealed class SizeOrderTests(VariantHost host) : IClassFixture<VariantHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Lettered_sizes_come_first_smallest_first_then_numbers_ascending_then_the_rest_as_given()
    {
        Assert.Equal(["XS", "S", "M", "L", "XL", "XXL"], SizeOrder.Sort(["XL", "M", "XXL", "S", "XS", "L"]));
        Assert.Equal(["S", "L", "6", "8", "10", "10.5", "38", "One size", "Petite"], SizeOrder.Sort(["38", "One size", "10", "L", "8", "Petite", "6", "S", "10.5"]));
        // The retail data's words, and spellings with spaces, hyphens or another case.
        Assert.Equal(["Mini", "Small", "Medium", "Large", "Jumbo"], SizeOrder.Sort(["Jumbo", "Large", "Mini", "Medium", "Small"]));
        Assert.Equal(["xs", "Extra-Large", "xxl"], SizeOrder.Sort(["xxl", "Extra-Large", "xs"]));
        // Equal ranks and unknown values keep their order (a stable sort).
        Assert.Equal(["S", "Small", "b", "a"], SizeOrder.Sort(["b", "S", "a", "Small"]));
        Assert.Equal(["XL", "XXS", "2XL", "Small", "Jumbo", "10"], new[] { "xl", "xxs", "2xl", "small", "jumbo", "10" }.Select(SizeOrder.FacetName));
        Assert.True(SizeOrder.IsSizeOption(" size "));
        Assert.False(SizeOrder.IsSizeOption("Colour"));
    }

    [Fact]
    public async Task A_family_created_with_sizes_in_any_order_stores_them_in_size_order_and_its_colours_as_typed()
    {
        using var admin = host.Client(TestTokens.Admin());
        using var created = await admin.PostAsJsonAsync("/api/products/families", new
        {
            name = "Rain Jacket",
            category = "kitchen",
            brand = "Acme",
            options = new[] { new { name = "Colour", values = new[] { "Yellow", "Navy" } }, new { name = "size", values = new[] { "XL", "S", " L ", "M" } } },
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var options = (await created.ReadJsonAsync()).GetProperty("options");
        Assert.Equal(["Yellow", "Navy"], options[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(["S", "M", "L", "XL"], options[1].GetProperty("values").EnumerateArray().Select(v => v.GetString()!));
    }

    [Fact]
    public async Task The_size_facet_lists_sizes_in_size_order_not_by_count()
    {
        using var client = host.Client();
        // The shirt has S, M and L; a second family with more L items would sort L first by count.
        await host.AddFamilyAsync("Linen Trousers", "decor", "acme", [new("Size", ["L", "XL"])],
            [(new() { ["Size"] = "XL" }, 30m, 2), (new() { ["Size"] = "L" }, 30m, 2)]);

        var sizes = (await client.GetJsonAsync("/api/products?limit=87")).GetProperty("facets").GetProperty("sizes");

        Assert.Equal(["s", "m", "l", "xl"], sizes.EnumerateArray().Select(s => s.GetProperty("slug").GetString()!));
        Assert.Equal(2, sizes[2].GetProperty("count").GetInt32());
        Assert.Equal(["S", "M", "L", "XL"], sizes.EnumerateArray().Select(s => s.GetProperty("name").GetString()!));
    }
}
