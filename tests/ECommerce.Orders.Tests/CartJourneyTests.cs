using System.Net;
using System.Net.Http.Json;
using ECommerce.Orders.Carts;
using ECommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Tests;

/// <summary>
/// Which callers Orders counts as in the middle of a journey when it is saturated (Overload:InProgressFirst): a cart
/// change starts or continues one, placing the order ends it, and it is known from the request's headers alone.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class CartJourneyTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cart_change_starts_a_journey_for_that_caller_only_and_placing_the_order_ends_it()
    {
        var journeys = host.Factory.Services.GetRequiredService<CartJourneys>();
        Assert.Same(journeys, host.Factory.Services.GetRequiredService<IWorkInProgress>());
        using var shopper = host.Client(TestTokens.Customer($"journey-{Guid.NewGuid():N}"));
        using var other = host.Client(TestTokens.Customer($"journey-other-{Guid.NewGuid():N}"));
        var product = host.Neighbours.AddProduct(10m);
        Assert.False(journeys.Has(Request(shopper)));

        using (var refused = await shopper.PostAsJsonAsync("/api/orders/cart/lines", new { productId = Guid.NewGuid(), quantity = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.False(journeys.Has(Request(shopper))); // a refused line starts nothing

        using (var added = await shopper.PostAsJsonAsync("/api/orders/cart/lines", new { productId = product.Id, quantity = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        Assert.True(journeys.Has(Request(shopper)));
        Assert.False(journeys.Has(Request(other)));

        var placed = await CheckoutTests.PostAsync(shopper, OrdersHost.Checkout(product), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, placed.Status);
        Assert.False(journeys.Has(Request(shopper)));
    }

    [Fact]
    public async Task An_anonymous_cart_is_a_journey_by_its_cart_id()
    {
        var journeys = host.Factory.Services.GetRequiredService<CartJourneys>();
        using var anonymous = host.Client(token: null);
        var product = host.Neighbours.AddProduct(10m);

        using var added = await anonymous.PostAsJsonAsync("/api/orders/cart/lines", new { productId = product.Id, quantity = 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var cartId = added.Headers.GetValues(CartOwnerResolver.HeaderName).Single();

        var same = new DefaultHttpContext();
        same.Request.Headers[CartOwnerResolver.HeaderName] = cartId;
        Assert.True(journeys.Has(same));
        var stranger = new DefaultHttpContext();
        stranger.Request.Headers[CartOwnerResolver.HeaderName] = cartId[..^2] + (cartId[^2..] == "AA" ? "BB" : "AA");
        Assert.False(journeys.Has(stranger));
    }

    /// <summary>What the admission middleware sees of a request from <paramref name="client"/>: its headers, before authentication.</summary>
    private static DefaultHttpContext Request(HttpClient client)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = client.DefaultRequestHeaders.Authorization!.ToString();
        return context;
    }
}
