using System.Data;
using System.Diagnostics;
using System.Globalization;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Orders.Benchmarks;

/// <summary>
/// <c>--self-hosted --order-loads</c>: the CPU this process (Orders with EF Core and Npgsql) spends reading one paid
/// order with its details, nothing shipped, in alternating rounds of N loads per way, each in its own DI scope: as
/// Orders reads it now (one statement, tracked for a change and for a view), the same as a compiled query, and as it did
/// before 2026-12-07 (five split queries; for a view inside a REPEATABLE READ transaction). The first two rounds warm up
/// (the JIT); the others are printed.
/// </summary>
public static class OrderLoadRun
{
    private const int Rounds = 6;

    private const int WarmUpRounds = 2;

    public static async Task<string> RunAsync(IServiceProvider services, int loads, CancellationToken cancellationToken)
    {
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Orders
                .Where(o => o.Status == OrderStatus.Paid).Select(o => o.Id).FirstAsync(cancellationToken);
        }

        var ways = new (string Name, Func<OrdersDbContext, IQueryable<Order>, CancellationToken, Task<Order?>> Load)[]
        {
            ("one statement, tracked", (db, q, ct) => db.LoadWithDetailsAsync(q, ct)),
            ("the same as a compiled query, tracked (not adopted)", (db, _, _) => CompiledTracked(db, id)),
            ("the same as a compiled query, view (not adopted)", (db, _, _) => CompiledView(db, id)),
            ("five split queries, tracked (before)", (db, q, ct) => Split(q).SingleOrDefaultAsync(ct)),
            ("one statement, view", (db, q, ct) => db.ViewWithDetailsAsync(q, ct)),
            ("five split queries in REPEATABLE READ, view (before)", SplitViewAsync),
        };
        var perLoad = ways.ToDictionary(w => w.Name, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, load) in ways)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < loads; i++)
                {
                    await using var scope = services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
                    _ = await load(db, db.Orders.Where(o => o.Id == id), cancellationToken) ?? throw new InvalidOperationException("The order is gone.");
                }

                if (round >= WarmUpRounds)
                {
                    perLoad[name].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / loads);
                }
            }
        }

        return string.Join(Environment.NewLine, perLoad.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Key}: {p.Value.Order().ElementAt(p.Value.Count / 2):0.000} ms CPU per load (rounds: {string.Join(", ", p.Value.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})")));
    }

    // What compiled queries (EF.CompileAsyncQuery) would save on the commonest read: the LINQ tree built, matched against
    // EF's query cache and parameterised on every call is the difference (docs/benchmarks.md, "What a round trip costs").
    private static readonly Func<OrdersDbContext, Guid, Task<Order?>> CompiledTracked = EF.CompileAsyncQuery((OrdersDbContext db, Guid id) =>
        db.Orders.Where(o => o.Id == id).Include(o => o.Items).Include(o => o.History).AsSingleQuery().SingleOrDefault());

    private static readonly Func<OrdersDbContext, Guid, Task<Order?>> CompiledView = EF.CompileAsyncQuery((OrdersDbContext db, Guid id) =>
        db.Orders.AsNoTracking().Where(o => o.Id == id).Include(o => o.Items).Include(o => o.History).AsSingleQuery().SingleOrDefault());

    private static IQueryable<Order> Split(IQueryable<Order> orders) =>
        orders.Include(o => o.Items).Include(o => o.History).Include(o => o.Shipments).Include(o => o.Returns).AsSplitQuery();

    private static Task<Order?> SplitViewAsync(OrdersDbContext db, IQueryable<Order> orders, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var order = await Split(orders.AsNoTracking()).SingleOrDefaultAsync(ct);
            await transaction.CommitAsync(ct);
            return order;
        }, cancellationToken);
}
