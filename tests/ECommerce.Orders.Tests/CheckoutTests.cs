using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>Checkout: idempotency under concurrency, prices and addresses from their owners, and input validation.</summary>
[Collection(OrdersCollection.Name)]
public sealed class CheckoutTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_parallel_checkouts_with_one_key_create_one_order()
    {
        var customerId = $"checkout-race-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        var body = OrdersHost.Checkout(host.Neighbours.AddProduct(10m));
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(client, body, key)));

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"got {r.Status}"));
        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        var id = Assert.Single(responses.Select(r => r.Order!.Id).Distinct());
        Assert.Equal(1, await CountOrdersAsync(customerId));
        await host.WaitForPublishedAsync(id, nameof(OrderPlaced));
        await Task.Delay(500, Ct);
        Assert.Single(await host.PublishedAsync(id), p => p.Type == nameof(OrderPlaced));
    }

    [Fact]
    public async Task Repeating_a_key_returns_the_same_order_and_reusing_it_for_another_body_is_refused()
    {
        using var client = host.Client(TestTokens.Customer($"checkout-repeat-{Guid.NewGuid():N}"));
        var key = Guid.NewGuid().ToString();
        var product = host.Neighbours.AddProduct(10m);

        var first = await PostAsync(client, OrdersHost.Checkout(product), key);
        var repeat = await PostAsync(client, OrdersHost.Checkout(product), key);
        var different = await PostAsync(client, OrdersHost.Checkout(product) with { PaymentMethod = "pm_card_mastercard" }, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.OK, first.Order!.Id), (repeat.Status, repeat.Order!.Id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.Status);
        Assert.Contains("Idempotency-Key", different.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_takes_prices_from_products_at_checkout_and_applies_the_documented_totals()
    {
        using var client = host.Client(TestTokens.Customer($"checkout-prices-{Guid.NewGuid():N}"));
        var product = host.Neighbours.AddProduct(10m);
        host.Neighbours.Products[product.Id] = product with { Price = 12.60m };

        var placed = await PostAsync(client, OrdersHost.Checkout(product) with { Lines = [new CheckoutLineRequest(product.Id, 2)] }, Guid.NewGuid().ToString());

        var order = placed.Order!;
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(12.60m, Assert.Single(order.Lines).UnitPrice);
        // Tax-inclusive UK store: 25.20 + 4.95 standard delivery (under 50) = 30.15, of which VAT is 25.20/6 = 4.20 on the
        // line and 4.95/6 = 0.825 → 0.83 on shipping: 5.03.
        Assert.Equal((25.20m, 4.95m, 5.03m, 30.15m), (order.Subtotal, order.Shipping, order.Tax, order.Total));
        Assert.Equal((4.20m, 0.20m), (order.Lines[0].Tax, order.Lines[0].TaxRate));
        Assert.Equal(("uk-standard", true), (order.ShippingMethod.Code, order.PricesIncludeTax));
        Assert.Equal("London", order.ShippingAddress.City);
    }

    [Fact]
    public async Task An_address_id_is_resolved_from_the_customers_own_address_book()
    {
        var customerId = $"checkout-address-{Guid.NewGuid():N}";
        var addressId = Guid.NewGuid();
        host.Neighbours.Addresses[(customerId, addressId)] = new StubAddress(addressId, "Home", "Grace Hopper", "2 Compiler Rd", null, "Arlington", "22201", "VA", "US", null, true, true);
        var body = OrdersHost.Checkout(host.Neighbours.AddProduct(10m)) with { ShippingAddress = null, AddressId = addressId };

        var mine = await PostAsync(host.Client(TestTokens.Customer(customerId)), body, Guid.NewGuid().ToString());
        var someoneElses = await PostAsync(host.Client(TestTokens.Customer("checkout-address-other")), body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, mine.Status);
        Assert.Equal(("Grace Hopper", "US"), (mine.Order!.ShippingAddress.Recipient, mine.Order.ShippingAddress.Country));
        Assert.Equal(HttpStatusCode.BadRequest, someoneElses.Status);
        Assert.Contains("addressId", ErrorFields(someoneElses.Body));
    }

    [Theory]
    [InlineData("quantity0", "lines[0].quantity")]
    [InlineData("noKey", "Idempotency-Key")]
    [InlineData("unknownProduct", "lines[0].productId")]
    [InlineData("outOfStock", "lines[0].productId")]
    [InlineData("cardNumber", "paymentMethod")]
    [InlineData("tokenWithCardNumber", "paymentMethod")]
    [InlineData("badCountry", "shippingAddress.country")]
    [InlineData("noLines", "lines")]
    [InlineData("twoAddresses", "shippingAddress")]
    public async Task Invalid_checkouts_are_refused_naming_the_field_and_create_nothing(string mistake, string field)
    {
        var customerId = $"checkout-invalid-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        var valid = OrdersHost.Checkout(host.Neighbours.AddProduct(10m));
        var body = mistake switch
        {
            "quantity0" => valid with { Lines = [new CheckoutLineRequest(valid.Lines![0].ProductId, 0)] },
            "unknownProduct" => valid with { Lines = [new CheckoutLineRequest(Guid.NewGuid(), 1)] },
            "outOfStock" => valid with { Lines = [new CheckoutLineRequest(host.Neighbours.AddProduct(10m, available: false).Id, 1)] },
            "cardNumber" => valid with { PaymentMethod = "4242424242424242" },
            "tokenWithCardNumber" => valid with { PaymentMethod = "pm_4242424242424242" },
            "badCountry" => valid with { ShippingAddress = valid.ShippingAddress! with { Country = "Great Britain" } },
            "noLines" => valid with { Lines = [] },
            "twoAddresses" => valid with { AddressId = Guid.NewGuid() },
            _ => valid,
        };

        var response = await PostAsync(client, body, mistake == "noKey" ? null : Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(field, ErrorFields(response.Body));
        Assert.Equal(0, await CountOrdersAsync(customerId));
    }

    [Theory]
    [InlineData("shippingAddress.line1")]
    [InlineData("shippingAddress.line2")]
    [InlineData("shippingAddress.recipient")]
    [InlineData("shippingAddress.phone")]
    public async Task A_card_number_typed_into_the_address_is_refused_naming_the_field_and_stores_nothing(string field)
    {
        var customerId = $"checkout-card-in-address-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        var valid = OrdersHost.Checkout(host.Neighbours.AddProduct(10m));
        const string card = "4242 4242 4242 4242";
        var address = valid.ShippingAddress! with { Phone = "+44 20 7946 0958" };
        address = field switch
        {
            "shippingAddress.line1" => address with { Line1 = card },
            "shippingAddress.line2" => address with { Line2 = $"card {card} exp 12/30" },
            "shippingAddress.recipient" => address with { Recipient = $"Ada {card.Replace(' ', '-')}" },
            _ => address with { Phone = card },
        };

        var response = await PostAsync(client, valid with { ShippingAddress = address }, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([field], ErrorFields(response.Body));
        Assert.DoesNotContain("4242", response.Body, StringComparison.Ordinal);
        Assert.Equal(0, await CountOrdersAsync(customerId));
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_a_400_not_a_500()
    {
        using var client = host.Client(TestTokens.Customer("checkout-shape"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = new StringContent("""{"lines":[{"productId":"x","quantity":"many"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "k");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task<(HttpStatusCode Status, OrderDetail? Order, string Body)> PostAsync(HttpClient client, CheckoutRequest body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body, options: OrdersHost.Json) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonSerializer.Deserialize<OrderDetail>(text, OrdersHost.Json) : null, text);
    }

    internal static List<string> ErrorFields(string problem) =>
        [.. JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    private async Task<long> CountOrdersAsync(string customerId)
    {
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orders WHERE customer_id = @c", connection);
        command.Parameters.AddWithValue("c", customerId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
