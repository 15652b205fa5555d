using System.Net;
using System.Text;
using System.Text.Json;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Tests;

/// <summary>
/// The CSV import's <c>family</c> and <c>option:&lt;Name&gt;</c> columns, against real PostgreSQL: a file creates a family
/// and its variants, a second import updates them by SKU, and a bad row applies nothing of itself.
/// </summary>
public sealed class FamilyImportTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "sku,name,description,price,currency,category,brand,stock,family,option:Colour,option:Size";

    [Fact]
    public async Task One_file_creates_a_family_of_four_variants_and_a_second_updates_their_prices_by_sku()
    {
        var csv = $"""
            {Header}
            TEE-BS,Cotton Tee,Soft cotton.,10.00,GBP,decor,Acme,5,Cotton Tee,Blue,S
            TEE-BM,Cotton Tee,Soft cotton.,10.00,GBP,decor,Acme,4,Cotton Tee,Blue,M
            TEE-RS,Cotton Tee,Soft cotton.,11.00,GBP,decor,Acme,3,cotton-tee,Red,S
            TEE-RM,Cotton Tee,Soft cotton.,11.00,GBP,decor,Acme,0,Cotton Tee,red,m
            """;

        var first = await ImportAsync(csv);

        Assert.Equal((4, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32()));
        Assert.Empty(first.GetProperty("errors").EnumerateArray());
        await using (var db = host.NewDbContext())
        {
            var family = await db.Families.Include(f => f.Variants).SingleAsync(f => f.Slug == "cotton-tee", Ct);
            Assert.Equal("Cotton Tee", family.Name);
            Assert.Equal(["Colour:Blue,Red", "Size:S,M"], family.Options.Select(o => $"{o.Name}:{string.Join(',', o.Values)}"));
            Assert.Equal(["TEE-BM:Blue/M", "TEE-BS:Blue/S", "TEE-RM:Red/M", "TEE-RS:Red/S"],
                family.Variants.OrderBy(v => v.Sku, StringComparer.Ordinal).Select(v => $"{v.Sku}:{v.OptionValues["Colour"]}/{v.OptionValues["Size"]}"));
        }

        var page = await host.Client().GetJsonAsync("/api/products/by-slug/cotton-tee-red-m");
        Assert.Equal(4, page.GetProperty("family").GetProperty("variants").GetArrayLength());

        var second = await ImportAsync(csv.Replace(",10.00,", ",12.50,", StringComparison.Ordinal));

        Assert.Equal((0, 4), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32()));
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(1, await db.Families.CountAsync(f => f.Name == "Cotton Tee", Ct));
            var prices = await db.Products.Where(p => p.Sku.StartsWith("TEE-")).ToDictionaryAsync(p => p.Sku, p => p.Price, Ct);
            Assert.Equal(new Dictionary<string, decimal> { ["TEE-BS"] = 12.5m, ["TEE-BM"] = 12.5m, ["TEE-RS"] = 11m, ["TEE-RM"] = 11m }, prices);
        }

        // The page read (and cached) before the second import lists its siblings' new prices: the import evicted the family.
        var after = await host.Client().GetJsonAsync("/api/products/by-slug/cotton-tee-red-m");
        Assert.Equal([12.5m, 12.5m, 11m, 11m], after.GetProperty("family").GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("price").GetDecimal()));
    }

    [Fact]
    public async Task A_row_missing_an_option_is_reported_for_that_row_and_applies_nothing_of_itself()
    {
        var csv = $"""
            {Header}
            MUG-WS,Enamel Mug,,6.00,GBP,kitchen,Wren,2,Enamel Mug,White,S
            MUG-GX,Enamel Mug,,6.00,GBP,kitchen,Wren,2,Enamel Mug,Green,
            MUG-WL,Enamel Mug,,7.00,GBP,kitchen,Wren,2,Enamel Mug,White,L
            MUG-WL2,Enamel Mug,,7.00,GBP,kitchen,Wren,2,Enamel Mug,White,l
            MUG-YS,Enamel Mug,,6.00,GBP,decor,Wren,2,Enamel Mug,Yellow,S
            MUG-BS,Enamel Mug,,6.00,GBP,kitchen,Wren,2,Enamel Mug,Black,S,
            NAPKIN-1,Napkin,,2.00,GBP,kitchen,Wren,2,,Blue,
            """;

        var result = await ImportAsync(csv);

        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "option:Size"), (5, "family"), (6, "category"), (7, "row"), (8, "family")], errors);
        await using var db = host.NewDbContext();
        var family = await db.Families.Include(f => f.Variants).SingleAsync(f => f.Name == "Enamel Mug", Ct);
        // Green (row 3) and Yellow (row 6) came only with rejected rows, so neither became a value of the family.
        Assert.Equal(["Colour:White", "Size:S,L"], family.Options.Select(o => $"{o.Name}:{string.Join(',', o.Values)}"));
        Assert.Equal(["MUG-WL", "MUG-WS"], family.Variants.Select(v => v.Sku).Order(StringComparer.Ordinal));
        Assert.False(await db.Products.AnyAsync(p => p.Sku == "MUG-GX" || p.Sku == "MUG-WL2" || p.Sku == "MUG-YS" || p.Sku == "NAPKIN-1", Ct));
    }

    [Fact]
    public async Task A_stored_family_gains_a_new_colour_from_a_row_and_a_bad_header_is_refused()
    {
        var created = await ImportAsync($"""
            {Header}
            CAP-BS,Cord Cap,,9.00,GBP,toys,Wren,1,Cord Cap,Black,S
            """);
        Assert.Equal(1, created.GetProperty("created").GetInt32());

        var added = await ImportAsync("""
            sku,name,description,price,currency,category,brand,stock,family,option:Colour
            CAP-OS,Cord Cap,,9.00,GBP,toys,Wren,1,cord-cap,Olive
            """);
        var extended = await ImportAsync($"""
            {Header}
            CAP-OS,Cord Cap,,9.00,GBP,toys,Wren,1,cord-cap,Olive,S
            """);
        var orphan = await ImportAsync("""
            sku,name,description,price,currency,category,brand,stock,option:Colour
            CAP-X,Cord Cap,,9.00,GBP,toys,Wren,1,Olive
            """);

        Assert.Equal("option:Size", added.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(1, extended.GetProperty("created").GetInt32());
        Assert.Equal("header", orphan.GetProperty("errors")[0].GetProperty("field").GetString());
        await using var db = host.NewDbContext();
        var family = await db.Families.SingleAsync(f => f.Slug == "cord-cap", Ct);
        Assert.Equal(["Black", "Olive"], family.Options[0].Values);
    }

    private async Task<JsonElement> ImportAsync(string csv)
    {
        using var admin = host.Client(TestTokens.Admin());
        using var response = await admin.PostAsync("/api/products/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
