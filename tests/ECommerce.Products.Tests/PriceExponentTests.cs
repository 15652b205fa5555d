using System.Net;
using System.Net.Http.Json;
using System.Text;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Tests;

/// <summary>A price is a whole number of its currency's minor units (ISO 4217: JPY 0 decimals, GBP 2, KWD 3), on every way in.</summary>
public sealed class PriceExponentTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("JPY", "14.34")]
    [InlineData("GBP", "1.234")]
    [InlineData("KWD", "1.2345")]
    public async Task Creating_a_price_finer_than_its_currency_is_a_400_naming_price_and_creates_nothing(string currency, string price)
    {
        var sku = $"FINE-{Guid.NewGuid():N}"[..20];

        using var response = await CreateAsync(sku, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["price"], errors.EnumerateObject().Select(e => e.Name));
        await using var db = host.NewDbContext();
        Assert.False(await db.Products.AnyAsync(p => p.Sku == sku, Ct));
    }

    [Theory]
    [InlineData("JPY", "14")]
    [InlineData("GBP", "12.34")]
    [InlineData("KWD", "1.234")]
    public async Task A_price_in_the_currencys_own_decimals_is_stored_exactly(string currency, string price)
    {
        var sku = $"EXACT-{Guid.NewGuid():N}"[..20];
        var amount = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        using var response = await CreateAsync(sku, amount, currency);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = host.NewDbContext();
        var stored = await db.Products.SingleAsync(p => p.Sku == sku, Ct);
        Assert.Equal((amount, currency), (stored.Price, stored.Currency));
    }

    [Fact]
    public async Task An_unknown_currency_is_a_400_naming_currency()
    {
        using var response = await CreateAsync($"XYZ-{Guid.NewGuid():N}"[..20], 10m, "XYZ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task Updating_a_yen_price_to_fractional_yen_is_refused_and_changes_nothing_while_a_dinar_price_takes_three_decimals()
    {
        using var admin = host.Client(TestTokens.Admin());
        var yen = await (await CreateAsync($"UPD-JPY-{Guid.NewGuid():N}"[..20], 14m, "JPY")).ReadJsonAsync();
        var dinar = await (await CreateAsync($"UPD-KWD-{Guid.NewGuid():N}"[..20], 1m, "KWD")).ReadJsonAsync();

        using var refused = await admin.PutAsJsonAsync($"/api/products/{yen.GetProperty("id").GetString()}",
            new { price = 14.34m, version = yen.GetProperty("version").GetUInt32() }, Ct);
        using var accepted = await admin.PutAsJsonAsync($"/api/products/{dinar.GetProperty("id").GetString()}",
            new { price = 2.345m, version = dinar.GetProperty("version").GetUInt32() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("price", out _));
        Assert.Equal(14m, (await host.Client().GetJsonAsync($"/api/products/{yen.GetProperty("id").GetString()}")).GetProperty("price").GetDecimal());
        Assert.Empty(await host.PublishedAsync("ProductPriceChanged", yen.GetProperty("id").GetString()!));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2.345m, (await accepted.ReadJsonAsync()).GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Csv_import_reports_a_price_finer_than_its_currency_and_imports_nothing_of_that_row()
    {
        using var admin = host.Client(TestTokens.Admin());
        var run = Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            sku,name,description,price,currency,category,brand,stock
            CSVY-{run}-1,Yen Fine {run},,14.34,JPY,kitchen,Acme,1
            CSVY-{run}-2,Yen Whole {run},,14,JPY,kitchen,Acme,1
            CSVY-{run}-3,Dinar {run},,1.234,KWD,kitchen,Acme,1
            CSVY-{run}-4,Pound Fine {run},,1.234,GBP,kitchen,Acme,1
            """;

        using var response = await admin.PostAsync("/api/products/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        var result = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "price"), (5, "price")], errors);
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        await using var db = host.NewDbContext();
        var imported = await db.Products.Where(p => p.Sku.StartsWith($"CSVY-{run}-")).ToDictionaryAsync(p => p.Sku, p => p.Price, Ct);
        Assert.Equal(new Dictionary<string, decimal> { [$"CSVY-{run}-2"] = 14m, [$"CSVY-{run}-3"] = 1.234m }, imported);
    }

    private async Task<HttpResponseMessage> CreateAsync(string sku, decimal price, string currency)
    {
        using var admin = host.Client(TestTokens.Admin());
        return await admin.PostAsJsonAsync("/api/products",
            new { sku, name = "Priced " + sku, price, currency, category = "kitchen", brand = "Acme", initialStock = 1 }, Ct);
    }
}
