extern alias testing;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using testing::ECommerce.Testing.Oidc;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// What a storefront does against the whole system, and only through the gateway: accounts made with Auth's
/// registration API, tokens from the real authorization-code + PKCE flow on Auth's sign-in form, then the APIs.
/// </summary>
public static class Shop
{
    public static Task<HttpClient> NewCustomerAsync(WholeSystemFixture system, CancellationToken ct) =>
        NewCustomerAsync(system, $"saga-{Guid.NewGuid():N}@shop.test", ct);

    /// <summary>Registers <paramref name="email"/> through the gateway and signs it in.</summary>
    public static async Task<HttpClient> NewCustomerAsync(WholeSystemFixture system, string email, CancellationToken ct)
    {
        // Identity wants a digit: eight hex characters have none about once in 2,500 draws, which made a rare 400.
        var password = "Correct-horse-7" + Guid.NewGuid().ToString("N")[..8];
        using (var anonymous = system.CreateGatewayClient())
        {
            using var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Saga Shopper" }, ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        return await SignedInAsync(system, email, password, ct);
    }

    /// <summary>
    /// An order's <c>number</c> (from checkout's or the detail's JSON) as mails show it: groups of three joined by a
    /// no-break space, like Orders' OrderNumber.Format.
    /// </summary>
    public static string MailNumber(JsonElement order)
    {
        var digits = order.GetProperty("number").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= 3)
        {
            groups.Insert(0, digits[Math.Max(0, end - 3)..end]);
        }

        return string.Join('\u00A0', groups);
    }

    public static Task<HttpClient> AdminAsync(WholeSystemFixture system, CancellationToken ct) =>
        SignedInAsync(system, WholeSystemFixture.AdminEmail, system.AdminPassword, ct);

    /// <summary>A gateway client carrying the access token the code flow gave <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(WholeSystemFixture system, string email, string password, CancellationToken ct)
    {
        var client = system.CreateGatewayClient();
        var gateway = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        // The storefront's redirect URI the AppHost registers for the gateway-served storefront (index 0).
        var redirectUri = gateway + "/auth/callback";
        using var browser = new Browser(new Uri(gateway), "/auth/callback");
        var tokens = await CodeFlow.SignInAsync(browser, client, redirectUri, email, password, ct);
        Assert.True(tokens.Status == HttpStatusCode.OK, $"token endpoint answered {(int)tokens.Status}: {tokens.Body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>An admin creates a product of its own with <paramref name="stock"/> units, so stock counts are the test's alone.</summary>
    public static async Task<JsonElement> CreateProductAsync(HttpClient admin, decimal price, int stock, CancellationToken ct)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/products?limit=1", ct);
        var category = page.GetProperty("facets").GetProperty("categories")[0].GetProperty("slug").GetString();
        var sku = "SAGA-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var created = await admin.PostAsJsonAsync("/api/products", new
        {
            sku,
            name = $"Saga test lamp {sku}",
            description = "Made by the whole-system saga tests.",
            price,
            currency = "GBP",
            category,
            brand = "Saga Tests",
            initialStock = stock,
        }, ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create product answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(ct)}");
        return await created.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    public static async Task<(int Available, int Reserved, int Sold)> StockAsync(HttpClient admin, Guid productId, CancellationToken ct)
    {
        var stock = await admin.GetFromJsonAsync<JsonElement>($"/api/products/{productId}/stock", ct);
        return (stock.GetProperty("available").GetInt32(), stock.GetProperty("reserved").GetInt32(), stock.GetProperty("sold").GetInt32());
    }

    /// <summary>Checkout as the storefront does it: the lines, a shipping address, a payment token and a fresh Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> PlaceOrderAsync(HttpClient customer, string idempotencyKey, object[] lines, string paymentMethod, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines,
                shippingAddress = new { recipient = "Ada Lovelace", line1 = "1 High Street", city = "Leeds", postcode = "LS1 1AA", country = "GB" },
                paymentMethod,
            }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await customer.SendAsync(request, ct);
    }

    /// <summary>Polls the order until it reaches one of <paramref name="settled"/> (the saga runs on events, in the background).</summary>
    public static async Task<JsonElement> WaitForOrderAsync(HttpClient customer, Guid orderId, string[] settled, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var order = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", ct);
            var status = order.GetProperty("status").GetString();
            if (settled.Contains(status) || DateTime.UtcNow > deadline)
            {
                return order;
            }

            await Task.Delay(250, ct);
        }
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds or a minute passes; returns the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, ct);
            value = await read();
        }

        return value;
    }
}
