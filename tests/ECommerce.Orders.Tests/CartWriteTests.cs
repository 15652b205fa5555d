using System.Data.Common;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Tests;

/// <summary>
/// A cart change is written over the row it read, without a transaction: two statements when nobody races it. A
/// change that lost a race is applied again to the winner's cart, and after two lost races it takes the row's lock.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class CartWriteTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CartLimits Limits = new();

    [Fact]
    public async Task A_change_nobody_races_is_one_read_and_one_write_without_a_transaction()
    {
        var owner = CartOwner.Anonymous(CartOwner.NewAnonymousId());
        var (first, second) = (Product(), Product());
        var statements = new StatementLog();
        await using var db = Context(statements);
        var store = Store(db);

        await store.UpdateAsync(owner, c => c.Add(first, 1, Limits) is null, Ct);
        await store.UpdateAsync(owner, c => c.Add(second, 2, Limits) is null, Ct);

        Assert.Equal(["SELECT", "INSERT", "SELECT", "UPDATE"], statements.Verbs);
        var cart = await CartOfAsync(owner);
        Assert.Equal(new[] { (first.Id, 1), (second.Id, 2) }.Order(), cart.Lines.Select(l => (l.ProductId, l.Quantity)).Order());
    }

    [Fact]
    public async Task A_change_that_lost_a_race_is_applied_to_the_winners_cart()
    {
        var owner = CartOwner.Anonymous(CartOwner.NewAnonymousId());
        var (mine, theirs) = (Product(), Product());
        AnotherTabAdds(owner, Product());
        var runs = 0;

        // Another tab's change lands between this change's read and its write, once.
        await using var db = Context();
        await Store(db).UpdateAsync(owner, c =>
        {
            if (++runs == 1)
            {
                AnotherTabAdds(owner, theirs);
            }

            return c.Add(mine, 1, Limits) is null;
        }, Ct);

        Assert.Equal(2, runs);
        var cart = await CartOfAsync(owner);
        Assert.Equal(3, cart.Lines.Count);
        Assert.Contains(cart.Lines, l => l.ProductId == mine.Id);
        Assert.Contains(cart.Lines, l => l.ProductId == theirs.Id);
    }

    [Fact]
    public async Task After_two_lost_races_a_change_takes_the_rows_lock_and_still_lands()
    {
        var owner = CartOwner.Anonymous(CartOwner.NewAnonymousId());
        var mine = Product();
        var theirs = new[] { Product(), Product() };
        var statements = new StatementLog();
        var runs = 0;

        await using var db = Context(statements);
        await Store(db).UpdateAsync(owner, c =>
        {
            // The first two tries each lose to another tab; the third runs under the lock, where nobody can.
            if (++runs <= 2)
            {
                AnotherTabAdds(owner, theirs[runs - 1]);
            }

            return c.Add(mine, 1, Limits) is null;
        }, Ct);

        Assert.Equal(3, runs);
        Assert.Contains(statements.Texts, t => t.Contains("FOR UPDATE", StringComparison.Ordinal));
        var cart = await CartOfAsync(owner);
        Assert.Equal(new[] { mine.Id, theirs[0].Id, theirs[1].Id }.Order(), cart.Lines.Select(l => l.ProductId).Order());
    }

    /// <summary>A change from elsewhere, made and committed while the caller waits (a change's callback is synchronous).</summary>
    private void AnotherTabAdds(CartOwner owner, ProductSnapshot product) => Task.Run(async () =>
    {
        await using var db = Context();
        await Store(db).UpdateAsync(owner, c => c.Add(product, 1, Limits) is null, Ct);
    }, Ct).GetAwaiter().GetResult();

    private async Task<Cart> CartOfAsync(CartOwner owner)
    {
        await using var db = Context();
        return await Store(db).GetAsync(owner, Ct);
    }

    private OrdersDbContext Context(StatementLog? log = null)
    {
        var options = new DbContextOptionsBuilder<OrdersDbContext>().UseNpgsql(host.Database);
        if (log is not null)
        {
            options.AddInterceptors(log);
        }

        return new OrdersDbContext(options.Options);
    }

    private static CartStore Store(OrdersDbContext db) => new(db, Options.Create(Limits), TimeProvider.System);

    private static ProductSnapshot Product()
    {
        var id = Guid.NewGuid();
        return new ProductSnapshot(id, $"SKU-{id:N}"[..12], "Product", $"product-{id:N}", 5m, "GBP", 10, true, null);
    }

    /// <summary>Every statement the context sends, in order.</summary>
    private sealed class StatementLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public IEnumerable<string> Verbs => Texts.Select(t => t.TrimStart().Split([' ', '\n'], 2)[0]);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
