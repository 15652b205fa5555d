using System.Net;
using System.Net.Http.Json;
using ECommerce.Orders.Carts;
using ECommerce.Testing;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>
/// Reading a cart never needs the cart's lock: under load a view must not queue behind changes nor answer 409
/// (issue 23 saw "The cart is being changed by another request" 98 times at 150 shoppers).
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class CartReadTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_serves_the_last_committed_cart_while_a_change_holds_its_lock()
    {
        var customerId = $"cart-read-lock-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        var product = host.Neighbours.AddProduct(4m);
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 2), Ct)).EnsureSuccessStatusCode();

        // A change in flight: another transaction holds the row lock every change takes, and writes nothing yet.
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM carts WHERE owner_key = @k FOR UPDATE", connection, transaction))
        {
            hold.Parameters.AddWithValue("k", $"cart:customer:{customerId}");
            Assert.Equal(1, await hold.ExecuteScalarAsync(Ct));
        }

        // Before, the read took the same lock and waited for the change to end (or for a timeout).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        using var response = await client.GetAsync("/api/orders/cart", deadline.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single((await response.Content.ReadFromJsonAsync<CartView>(OrdersHost.Json, Ct))!.Lines);
        Assert.Equal((product.Id, 2), (line.ProductId, line.Quantity));
        await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public async Task Concurrent_changes_and_reads_of_one_cart_never_give_a_read_409_and_lose_no_line()
    {
        using var client = host.Client(TestTokens.Customer($"cart-read-race-{Guid.NewGuid():N}"));
        var first = host.Neighbours.AddProduct(1m);
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(first.Id, 1), Ct)).EnsureSuccessStatusCode();
        var products = Enumerable.Range(0, 20).Select(_ => host.Neighbours.AddProduct(2m)).ToList();

        // Writes and reads interleaved, all at once on one cart.
        var writing = products.Select(p => client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(p.Id, 1), Ct)).ToList();
        var reading = Enumerable.Range(0, 40).Select(_ => client.GetAsync("/api/orders/cart", Ct)).ToList();
        var writes = await Task.WhenAll(writing);
        var reads = await Task.WhenAll(reading);

        Assert.All(writes, w => Assert.Equal(HttpStatusCode.OK, w.StatusCode));
        var known = products.Select(p => p.Id).Append(first.Id).ToHashSet();
        foreach (var read in reads)
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            // Each read is a committed cart: the first line is there, and only lines somebody added.
            var seen = (await read.Content.ReadFromJsonAsync<CartView>(OrdersHost.Json, Ct))!.Lines.Select(l => l.ProductId).ToList();
            Assert.Contains(first.Id, seen);
            Assert.Subset(known, seen.ToHashSet());
        }

        var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        Assert.Equal(known.Order(), cart!.Lines.Select(l => l.ProductId).Order());
        writes.Concat(reads).ToList().ForEach(r => r.Dispose());
    }
}
