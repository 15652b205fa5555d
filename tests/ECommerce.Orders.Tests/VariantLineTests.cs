using System.Net;
using System.Net.Http.Json;
using ECommerce.Orders.Carts;
using ECommerce.Testing;

namespace ECommerce.Orders.Tests;

/// <summary>A variant's label (its options, from Products' lookup) travels with the cart line, the quote and the order line.</summary>
[Collection(OrdersCollection.Name)]
public sealed class VariantLineTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cart_line_and_the_order_line_carry_the_variant_label()
    {
        var plain = host.Neighbours.AddProduct(10m);
        var variant = host.Neighbours.AddProduct(20m) with { Name = "Linen Shirt", VariantLabel = "Blue / M" };
        host.Neighbours.Products[variant.Id] = variant;
        using var client = host.Client(TestTokens.Customer($"variant-lines-{Guid.NewGuid():N}"));

        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(variant.Id, 1), Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(plain.Id, 1), Ct)).EnsureSuccessStatusCode();
        var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        var placed = await CheckoutTests.PostAsync(client, OrdersHost.Checkout(variant, plain), Guid.NewGuid().ToString());

        Assert.Equal("Blue / M", cart!.Lines.Single(l => l.ProductId == variant.Id).VariantLabel);
        Assert.Null(cart.Lines.Single(l => l.ProductId == plain.Id).VariantLabel);
        Assert.Equal(HttpStatusCode.Created, placed.Status);
        var line = placed.Order!.Lines.Single(l => l.ProductId == variant.Id);
        Assert.Equal(("Linen Shirt", "Blue / M"), (line.Name, line.VariantLabel));
        Assert.Null(placed.Order.Lines.Single(l => l.ProductId == plain.Id).VariantLabel);
    }
}
