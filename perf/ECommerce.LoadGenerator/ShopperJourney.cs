using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.LoadGenerator;

/// <summary>
/// One visit of one shopper, mixed the way store traffic mixes: most visits browse (list pages, category and price
/// filters, sorting) or search (suggestions, results), view a product or two; some put things in a cart; a smaller
/// share sign in and check out (mostly a good card, some declining), wait for the outcome and look at their orders.
/// </summary>
public sealed class ShopperJourney(
    LoadOptions options, Uri gatewayAddress, GatewayCalls calls, Catalog catalog, IReadOnlyList<Basket> baskets,
    IReadOnlyList<Customer> customers, CheckoutOutcomes outcomes)
{
    // "relevance" needs a search text, so browsing uses the others.
    private static readonly string[] Sorts = ["newest", "price_asc", "price_desc", "best_selling"];

    /// <summary>How long a shopper waits for a placed order to be paid or cancelled before moving on.</summary>
    public TimeSpan PollFor { get; init; } = TimeSpan.FromSeconds(30);

    public async Task RunAsync(int user, int visit, CancellationToken ct)
    {
        var random = new Random(HashCode.Combine(options.Seed, user, visit));
        var customer = customers[user % customers.Count];
        var anonymous = random.NextDouble() < options.AnonymousShare;
        var roll = random.NextDouble();

        // A signed-in shopper sends the token on every call, as the storefront does.
        var token = anonymous ? null : await EnsureSignedInAsync(customer, ct);
        if (!anonymous && token is null)
        {
            return;
        }

        if (options.CheckoutOnly)
        {
            await CheckoutAsync(random, token!, ct);
        }
        else if (roll < 0.45)
        {
            await BrowseAsync(random, token, ct);
        }
        else if (roll < 0.75)
        {
            await SearchAsync(random, token, ct);
        }
        else if (roll < 0.85 || anonymous)
        {
            await BrowseAsync(random, token, ct);
            await AddToAnonymousCartAsync(random, ct);
        }
        else if (roll < 0.97)
        {
            await CheckoutAsync(random, token!, ct);
        }
        else
        {
            await ViewOrdersAsync(token!, ct);
        }
    }

    private async Task<string?> EnsureSignedInAsync(Customer customer, CancellationToken ct)
    {
        // One sign-in at a time per customer; the others reuse the token it gets.
        lock (customer)
        {
            if (!customer.NeedsSignIn)
            {
                return customer.AccessToken;
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var token = await Customers.SignInAsync(gatewayAddress, customer, ct);
            calls.Stats.Record("sign-in", clock.Elapsed, ok: true);
            lock (customer)
            {
                customer.AccessToken = token;
                customer.SignedInAt = DateTimeOffset.UtcNow;
            }

            return token;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or JsonException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            calls.Stats.Record("sign-in", clock.Elapsed, ok: false, e.Message);
            return null;
        }
    }

    private async Task BrowseAsync(Random random, string? token, CancellationToken ct)
    {
        var query = $"/api/products?limit=24&sort={Sorts[random.Next(Sorts.Length)]}";
        if (catalog.Categories.Count > 0 && random.NextDouble() < 0.6)
        {
            query += "&category=" + catalog.Categories[random.Next(catalog.Categories.Count)];
        }

        if (random.NextDouble() < 0.3)
        {
            query += "&minPrice=1&maxPrice=" + random.Next(5, 50);
        }

        if (random.NextDouble() < 0.3)
        {
            query += "&inStock=true";
        }

        var (status, body, _) = await calls.SendAsync("browse", HttpMethod.Get, query, token, null, GatewayCalls.Success, ct);
        await ThinkAsync(random, ct);
        if (status == HttpStatusCode.OK && random.NextDouble() < 0.3 && JsonDocument.Parse(body).RootElement.TryGetProperty("next", out var next)
            && next.ValueKind == JsonValueKind.String)
        {
            await calls.SendAsync("browse-next-page", HttpMethod.Get, query + "&cursor=" + Uri.EscapeDataString(next.GetString()!), token, null, GatewayCalls.Success, ct);
            await ThinkAsync(random, ct);
        }

        await ViewProductAsync(random, token, ct);
    }

    private async Task SearchAsync(Random random, string? token, CancellationToken ct)
    {
        var word = catalog.SearchWords.Count > 0 ? catalog.SearchWords[random.Next(catalog.SearchWords.Count)] : "heart";
        await calls.SendAsync("suggest", HttpMethod.Get, "/api/products/suggestions?q=" + Uri.EscapeDataString(word[..Math.Min(4, word.Length)]), token, null, GatewayCalls.Success, ct);
        await calls.SendAsync("search", HttpMethod.Get, "/api/products?limit=24&q=" + Uri.EscapeDataString(word), token, null, GatewayCalls.Success, ct);
        await ThinkAsync(random, ct);
        await ViewProductAsync(random, token, ct);
    }

    private async Task ViewProductAsync(Random random, string? token, CancellationToken ct)
    {
        var product = catalog.Products[random.Next(catalog.Products.Count)];
        await calls.SendAsync("view-product", HttpMethod.Get, $"/api/products/{product.Id}", token, null, GatewayCalls.Success, ct);
        await ThinkAsync(random, ct);
    }

    private async Task AddToAnonymousCartAsync(Random random, CancellationToken ct)
    {
        string? cartId = null;
        foreach (var (productId, quantity) in baskets[random.Next(baskets.Count)].Lines.Take(3))
        {
            var (_, _, headers) = await calls.SendAsync("add-to-cart", HttpMethod.Post, "/api/orders/cart/lines", null,
                JsonContent.Create(new { productId, quantity }), AddedOrRefused, ct,
                h => { if (cartId is not null) { h.Add("X-Cart-Id", cartId); } });
            cartId ??= headers?.TryGetValues("X-Cart-Id", out var ids) == true ? ids.First() : null;
            await ThinkAsync(random, ct);
        }

        if (cartId is not null)
        {
            await calls.SendAsync("view-cart", HttpMethod.Get, "/api/orders/cart", null, null, GatewayCalls.Success, ct, h => h.Add("X-Cart-Id", cartId));
        }
    }

    private async Task CheckoutAsync(Random random, string token, CancellationToken ct)
    {
        foreach (var (productId, quantity) in baskets[random.Next(baskets.Count)].Lines)
        {
            await calls.SendAsync("add-to-cart", HttpMethod.Post, "/api/orders/cart/lines", token,
                JsonContent.Create(new { productId, quantity }), AddedOrRefused, ct);
        }

        var (cartStatus, cartBody, _) = await calls.SendAsync("view-cart", HttpMethod.Get, "/api/orders/cart", token, null, GatewayCalls.Success, ct);
        await ThinkAsync(random, ct);
        if (cartStatus != HttpStatusCode.OK)
        {
            return;
        }

        var available = JsonDocument.Parse(cartBody).RootElement.GetProperty("lines").EnumerateArray().Count(l => l.GetProperty("available").GetBoolean());
        if (available == 0)
        {
            return;
        }

        // As the storefront does: the quote for the chosen delivery, then the server cart placed at that quote's fingerprint.
        var shippingMethod = random.NextDouble() < 0.3 ? "uk-express" : "uk-standard";
        var (quoteStatus, quoteBody, _) = await calls.SendAsync("quote", HttpMethod.Get, $"/api/orders/cart/quote?country=GB&shippingMethod={shippingMethod}", token, null,
            (s, b) => s == HttpStatusCode.OK || IsStockRefusal(s, b), ct);
        if (quoteStatus != HttpStatusCode.OK)
        {
            return;
        }

        var declining = random.NextDouble() < 0.1;
        var fingerprint = JsonDocument.Parse(quoteBody).RootElement.GetProperty("fingerprint").GetString();
        var key = Guid.NewGuid().ToString();
        var (status, body) = await PlaceAsync(shippingMethod, fingerprint, declining, key, token, ct);
        if (status == HttpStatusCode.Conflict)
        {
            // The total changed since the quote (a price moved): the shopper reads the new one and places again.
            fingerprint = JsonDocument.Parse(body).RootElement.GetProperty("quote").GetProperty("fingerprint").GetString();
            (status, body) = await PlaceAsync(shippingMethod, fingerprint, declining, Guid.NewGuid().ToString(), token, ct);
        }

        if (status is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            return;
        }

        var orderId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        var (finalStatus, reason) = await PollOrderAsync(orderId, token, ct);
        outcomes.Record(declining, finalStatus, reason);
        if (finalStatus == "AwaitingPayment")
        {
            // A declined card keeps the order and its stock for a retry; this shopper gives up, which releases the stock.
            await calls.SendAsync("cancel-order", HttpMethod.Post, $"/api/orders/{orderId}/cancel", token,
                JsonContent.Create(new { reason = "gave up after a decline" }), (s, _) => s is HttpStatusCode.OK or HttpStatusCode.Conflict, ct);
        }

        await ViewOrdersAsync(token, ct);
    }

    private async Task<(HttpStatusCode? Status, string Body)> PlaceAsync(
        string shippingMethod, string? fingerprint, bool declining, string key, string token, CancellationToken ct)
    {
        var request = new
        {
            shippingAddress = new { recipient = "Load Shopper", line1 = "1 Test Street", city = "London", postcode = "N1 9GU", country = "GB" },
            paymentMethod = declining ? "pm_card_chargeDeclined" : "pm_card_visa",
            shippingMethod,
            quoteFingerprint = fingerprint,
        };
        var (status, body, _) = await calls.SendAsync("checkout", HttpMethod.Post, "/api/orders", token, JsonContent.Create(request),
            (s, b) => s is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict || IsStockRefusal(s, b), ct, h => h.Add("Idempotency-Key", key));
        return (status, body);
    }

    private async Task<(string? Status, string? Reason)> PollOrderAsync(Guid orderId, string token, CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + PollFor;
        string? status = null, reason = null;
        while (DateTimeOffset.UtcNow < until && !ct.IsCancellationRequested)
        {
            var (code, body, headers) = await calls.SendAsync("poll-order", HttpMethod.Get, $"/api/orders/{orderId}", token, null, GatewayCalls.Success, ct,
                h => { if (options.WaitForOrder) { h.Add("Prefer", "wait=10"); } });
            if (code == HttpStatusCode.OK)
            {
                var order = JsonDocument.Parse(body).RootElement;
                status = order.GetProperty("status").GetString();
                reason = order.TryGetProperty("cancellationReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                if (status is "Paid" or "Cancelled" or "AwaitingPayment")
                {
                    if (status == "Paid" && PlacedToPaid(order) is { } elapsed)
                    {
                        outcomes.RecordPlacedToPaid(elapsed);
                    }

                    break;
                }
            }

            // A read that waited on the server needs no pause before the next. One answered at once does (an order held
            // for review, a refusal, Orders at its limit of waiters), or the shopper would read it in a tight loop.
            if (headers?.Contains("Preference-Applied") != true)
            {
                await Task.Delay(options.PollEvery, ct);
            }
        }

        return (status, reason);
    }

    /// <summary>The order's creation to its Paid transition, both from the order itself (Orders' clock).</summary>
    private static TimeSpan? PlacedToPaid(JsonElement order)
    {
        var paid = order.GetProperty("history").EnumerateArray()
            .FirstOrDefault(h => h.GetProperty("to").ValueKind == JsonValueKind.String && h.GetProperty("to").GetString() == "Paid");
        return paid.ValueKind == JsonValueKind.Object
            ? paid.GetProperty("at").GetDateTimeOffset() - order.GetProperty("createdAt").GetDateTimeOffset()
            : null;
    }

    private async Task ViewOrdersAsync(string token, CancellationToken ct) =>
        await calls.SendAsync("view-orders", HttpMethod.Get, "/api/orders?limit=10", token, null, GatewayCalls.Success, ct);

    // A product that sold out, a full cart or a line at its most (a customer's cart keeps the lines of journeys that never
    // reached checkout, as a real one would) is refused with a 400/409 naming the field: a shop's answer, not a fault.
    private static bool AddedOrRefused(HttpStatusCode status, string body) =>
        GatewayCalls.Success(status, body) || IsStockRefusal(status, body) || status == HttpStatusCode.Conflict
        || status == HttpStatusCode.BadRequest && body.Contains("\"quantity\"", StringComparison.Ordinal);

    private static bool IsStockRefusal(HttpStatusCode status, string body) =>
        status == HttpStatusCode.BadRequest && (body.Contains("\"productId\"", StringComparison.Ordinal) || body.Contains("\"lines", StringComparison.Ordinal));

    private Task ThinkAsync(Random random, CancellationToken ct) =>
        options.ThinkTime <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(options.ThinkTime * (0.5 + random.NextDouble()), ct);
}
