using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>Guest checkout: the anonymous cart priced like a customer's, the signed order link, bot friction and claiming.</summary>
[Collection(OrdersCollection.Name)]
public sealed class GuestCheckoutTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PostalAddress Address = new("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", null, "GB", null);

    [Fact]
    public async Task A_guest_buys_the_anonymous_cart_and_reads_the_order_through_its_link()
    {
        var product = host.Neighbours.AddProduct(12.60m);
        var (client, _) = await GuestWithCartAsync(product, quantity: 2);
        var email = $"guest-{Guid.NewGuid():N}@shop.test";

        using var response = await CheckoutAsync(client, Request(email));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var placed = (await response.Content.ReadFromJsonAsync<GuestOrderPlaced>(OrdersHost.Json, Ct))!;
        // Priced as the customer checkout prices the same lines (CheckoutTests): 25.20 + 4.95 delivery.
        Assert.Equal((25.20m, 4.95m, 30.15m), (placed.Order.Subtotal, placed.Order.Shipping, placed.Order.Total));
        Assert.InRange(placed.AccessExpiresAt, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        var orderPlaced = Assert.Single(await host.WaitForPublishedAsync(placed.Order.Id, nameof(OrderPlaced)));
        Assert.Equal(GuestCustomers.IdFor(email), orderPlaced.GetProperty("customerId").GetString());
        Assert.Equal(email, await GuestEmailAsync(placed.Order.Id));

        using var anonymous = host.Client();
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/guest/{placed.Order.Id}");
        byHeader.Headers.Add(OrderAccessTokens.HeaderName, placed.AccessToken);
        using var headerResponse = await anonymous.SendAsync(byHeader, Ct);
        var byQuery = await anonymous.GetFromJsonAsync<OrderDetail>($"/api/orders/guest/{placed.Order.Id}?access={Uri.EscapeDataString(placed.AccessToken)}", OrdersHost.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, headerResponse.StatusCode);
        Assert.Equal(placed.Order.Id, (await headerResponse.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!.Id);
        Assert.Equal((placed.Order.Total, 1), (byQuery!.Total, byQuery.Lines.Count));

        // The cart became the order; the same key again is the same order (with a fresh link).
        var cart = await client.GetFromJsonAsync<JsonElement>("/api/orders/cart", Ct);
        Assert.Equal(0, cart.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Wrong_tampered_other_order_and_expired_tokens_are_all_404()
    {
        var first = await PlaceGuestOrderAsync($"tokens-{Guid.NewGuid():N}@shop.test");
        var second = await PlaceGuestOrderAsync($"tokens-{Guid.NewGuid():N}@shop.test");
        var signer = new OrderAccessTokens(Options.Create(new OrderAccessOptions { SigningKey = TestOrderAccess.SigningKey }), TimeProvider.System);
        var foreign = new OrderAccessTokens(Options.Create(new OrderAccessOptions { SigningKey = "a-different-key-of-enough-length" }), TimeProvider.System);
        var (expiry, mac) = (first.AccessToken.Split('.')[0], first.AccessToken.Split('.')[1]);
        var flipped = (mac[0] == 'A' ? 'B' : 'A') + mac[1..];

        var bad = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["garbage"] = "not-a-token",
            ["other order's"] = second.AccessToken,
            ["tampered MAC"] = $"{expiry}.{flipped}",
            ["extended expiry"] = $"{long.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) + 86400}.{mac}",
            ["expired"] = signer.Issue(first.Order.Id, DateTimeOffset.UtcNow.AddSeconds(-1)),
            ["other key"] = foreign.Issue(first.Order.Id).Token,
        };

        using var client = host.Client();
        foreach (var (what, token) in bad)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/guest/{first.Order.Id}");
            if (token is not null)
            {
                request.Headers.Add(OrderAccessTokens.HeaderName, token);
            }

            using var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode}");
        }

        using var good = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/guest/{first.Order.Id}");
        good.Headers.Add(OrderAccessTokens.HeaderName, signer.Issue(first.Order.Id, DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(good, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_filled_honeypot_or_a_bad_email_is_400_naming_the_field_and_places_nothing()
    {
        var (client, _) = await GuestWithCartAsync(host.Neighbours.AddProduct(10m));
        var email = $"bot-{Guid.NewGuid():N}@shop.test";

        using var honeypot = await CheckoutAsync(client, Request(email) with { Website = "https://spam.example" });
        using var badEmail = await CheckoutAsync(client, Request("not an address"));
        using var noCart = await CheckoutAsync(host.Client(), Request(email));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (honeypot.StatusCode, badEmail.StatusCode, noCart.StatusCode));
        Assert.Contains("\"website\"", await honeypot.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("\"email\"", await badEmail.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("\"cart\"", await noCart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountOrdersAsync(GuestCustomers.IdFor(email)));
        var cart = await client.GetFromJsonAsync<JsonElement>("/api/orders/cart", Ct);
        Assert.Equal(1, cart.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Too_many_guest_checkouts_from_one_address_are_429_problems_with_retry_after()
    {
        var address = NewAddress();
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await CheckoutAsync(client, Request("limit@shop.test") with { Website = "filled" }, fromNewAddress: false);
            statuses.Add(response.StatusCode);
            if (i == 10)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        // Another address is not held back by this one.
        using var other = await CheckoutAsync(host.Client(), Request("limit@shop.test") with { Website = "filled" });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task A_verified_email_claims_the_guest_orders_and_an_unverified_account_sees_nothing()
    {
        var email = $"Claim-{Guid.NewGuid():N}@Shop.test";
        var placed = await PlaceGuestOrderAsync(email);
        var userId = Guid.NewGuid().ToString();
        // Signed in with the same address but not yet verified: nothing of the guest's is theirs.
        using var account = host.Client(TestTokens.Customer(userId, email));
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/orders/{placed.Order.Id}", Ct)).StatusCode);
        Assert.DoesNotContain(placed.Order.Id.ToString(), await account.GetStringAsync("/api/orders", Ct), StringComparison.Ordinal);

        // Another account verifying another address claims nothing.
        await host.PublishAsync(new EmailVerified(Guid.NewGuid().ToString(), $"other-{Guid.NewGuid():N}@shop.test"));
        await host.PublishAsync(new EmailVerified(userId, email.ToUpperInvariant()));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage mine;
        while ((mine = await account.GetAsync($"/api/orders/{placed.Order.Id}", Ct)).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains(placed.Order.Id.ToString(), await account.GetStringAsync("/api/orders", Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountOrdersAsync(GuestCustomers.IdFor(email)));
        var detail = (await mine.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!;
        Assert.Contains(detail.History, h => h.Trigger == "Claimed");
    }

    [Fact]
    public async Task A_guest_pays_again_after_a_decline_by_the_order_link_and_a_wrong_link_changes_nothing()
    {
        var placed = await PlaceGuestOrderAsync($"retry-{Guid.NewGuid():N}@guest.test");
        await host.PublishAsync(new StockReserved(placed.Order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.PublishAsync(new PaymentFailed(placed.Order.Id, "card_declined", CanRetry: true));
        using var anonymous = host.Client();
        var path = $"/api/orders/guest/{placed.Order.Id}";
        await PollAsync(() => GuestStatusAsync(anonymous, path, placed.AccessToken), OrderStatus.AwaitingPayment);

        var foreign = new OrderAccessTokens(Options.Create(new OrderAccessOptions { SigningKey = "a-different-key-of-enough-length" }), TimeProvider.System)
            .Issue(placed.Order.Id).Token;
        using var refused = await anonymous.PostAsJsonAsync($"{path}/payment?access={Uri.EscapeDataString(foreign)}", new { paymentMethod = "pm_card_visa" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(OrderStatus.AwaitingPayment, await GuestStatusAsync(anonymous, path, placed.AccessToken));

        using var retried = await anonymous.PostAsJsonAsync($"{path}/payment?access={Uri.EscapeDataString(placed.AccessToken)}", new { paymentMethod = "pm_card_visa" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var published = Assert.Single(await host.WaitForPublishedAsync(placed.Order.Id, nameof(OrderPaymentRetried)));
        Assert.Equal(2, published.GetProperty("attempt").GetInt32());
    }

    private static async Task<OrderStatus> GuestStatusAsync(HttpClient client, string path, string token) =>
        (await client.GetFromJsonAsync<OrderDetail>($"{path}?access={Uri.EscapeDataString(token)}", OrdersHost.Json, Ct))!.Status;

    private static async Task PollAsync(Func<Task<OrderStatus>> read, OrderStatus wanted)
    {
        for (var i = 0; i < 100 && await read() != wanted; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(wanted, await read());
    }

    private async Task<GuestOrderPlaced> PlaceGuestOrderAsync(string email)
    {
        var (client, _) = await GuestWithCartAsync(host.Neighbours.AddProduct(10m));
        using var response = await CheckoutAsync(client, Request(email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GuestOrderPlaced>(OrdersHost.Json, Ct))!;
    }

    private async Task<(HttpClient Client, string CartId)> GuestWithCartAsync(StubProduct product, int quantity = 1)
    {
        var client = host.Client();
        using var added = await client.PostAsJsonAsync("/api/orders/cart/lines", new { productId = product.Id, quantity }, Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var cartId = added.Headers.GetValues(CartOwnerResolver.HeaderName).Single();
        client.DefaultRequestHeaders.Add(CartOwnerResolver.HeaderName, cartId);
        return (client, cartId);
    }

    private static GuestCheckoutRequest Request(string email) => new(email, Address, "pm_card_visa");

    /// <summary>Each call comes from its own client address unless told otherwise, so the per-address limit never interferes.</summary>
    private static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, GuestCheckoutRequest body, bool fromNewAddress = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/guest/checkout") { Content = JsonContent.Create(body, options: OrdersHost.Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (fromNewAddress)
        {
            request.Headers.Add("X-Forwarded-For", NewAddress());
        }
        return client.SendAsync(request, Ct);
    }

    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private async Task<string?> GuestEmailAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT guest_email FROM orders WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", orderId);
        return await command.ExecuteScalarAsync(Ct) as string;
    }

    private async Task<long> CountOrdersAsync(string customerId)
    {
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orders WHERE customer_id = @c", connection);
        command.Parameters.AddWithValue("c", customerId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
