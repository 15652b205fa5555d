using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ECommerce.AI.Datasets;
using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.AI.Training;

/// <summary>What a seeding run wrote (all zero when the tables already held orders).</summary>
public sealed record SeedOutcome(int Products, int Orders, int Lines, TimeSpan Took);

/// <summary>
/// The first start's history: the committed retail purchases of the seeded products, written as this service's own
/// training events (<c>paid_orders</c>, <c>paid_order_lines</c>) with the dataset's customers as synthetic ids
/// (<c>retail-17850</c>, never a real account's) and dates shifted so the newest invoice is now — the popularity
/// windows and recency weights then read them as recent. The catalog's products go into <c>products</c> too (Products'
/// seed publishes no events), dated far back so any real ProductUpdated wins. Only into empty tables, once: an advisory
/// lock makes a second replica starting at the same moment wait and then find the orders there.
/// </summary>
public sealed class SeededHistory(AiDbContext db, TimeProvider time)
{
    public const string CustomerPrefix = "retail-";

    private static readonly DateTimeOffset LongAgo = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<SeedOutcome> SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var catalog = RetailSeedFile.ReadCatalog(folder).ToDictionary(p => p.StockCode, StringComparer.Ordinal);
        var lines = RetailSeedFile.ReadInvoices(folder).Where(l => catalog.ContainsKey(l.StockCode)).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('ai:seeded-history'))", cancellationToken);
            if (await db.Orders.AnyAsync(cancellationToken))
            {
                return new SeedOutcome(0, 0, 0, started.Elapsed);
            }

            var known = (await db.Products.Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
            var products = catalog.Values.Where(p => !known.Contains(p.Id)).Select(p => new StoredProduct
            {
                Id = p.Id,
                Name = p.Name,
                Category = p.Category,
                Price = p.Price,
                Active = true,
                UpdatedAt = LongAgo,
            }).ToList();
            db.Products.AddRange(products);
            await db.SaveChangesAsync(cancellationToken);

            var shift = time.GetUtcNow() - new DateTimeOffset(lines.Max(l => l.At), TimeSpan.Zero);
            var orders = await CopyAsync(lines, catalog, shift, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new SeedOutcome(products.Count, orders, lines.Count, started.Elapsed);
        });
    }

    /// <summary>A seeded invoice's order id: stable, so the same file always writes the same orders.</summary>
    public static Guid OrderId(string invoice) => new(SHA256.HashData(Encoding.UTF8.GetBytes("ai-seed:invoice:" + invoice)).AsSpan(0, 16));

    /// <summary>Binary COPY: 230,000 lines in about a second, where tracked inserts would take minutes.</summary>
    private async Task<int> CopyAsync(List<SeedLine> lines, Dictionary<string, SeedProduct> catalog, TimeSpan shift, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var invoices = lines.GroupBy(l => l.Invoice).ToList();
        await using (var orders = await connection.BeginBinaryImportAsync(
            """COPY paid_orders ("Id", "CustomerId", "PaidAt", "Total", "Currency") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var invoice in invoices)
            {
                var first = invoice.First();
                await orders.StartRowAsync(cancellationToken);
                await orders.WriteAsync(OrderId(invoice.Key), NpgsqlDbType.Uuid, cancellationToken);
                await orders.WriteAsync(CustomerPrefix + first.Customer, NpgsqlDbType.Varchar, cancellationToken);
                await orders.WriteAsync(new DateTimeOffset(first.At, TimeSpan.Zero) + shift, NpgsqlDbType.TimestampTz, cancellationToken);
                await orders.WriteAsync(invoice.Sum(l => l.Quantity * l.UnitPrice), NpgsqlDbType.Numeric, cancellationToken);
                await orders.WriteAsync("GBP", NpgsqlDbType.Varchar, cancellationToken);
            }

            await orders.CompleteAsync(cancellationToken);
        }

        await using (var rows = await connection.BeginBinaryImportAsync(
            """COPY paid_order_lines ("OrderId", "LineNumber", "ProductId", "Quantity", "UnitPrice") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var invoice in invoices)
            {
                var id = OrderId(invoice.Key);
                var number = 0;
                foreach (var line in invoice)
                {
                    await rows.StartRowAsync(cancellationToken);
                    await rows.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await rows.WriteAsync(++number, NpgsqlDbType.Integer, cancellationToken);
                    await rows.WriteAsync(catalog[line.StockCode].Id, NpgsqlDbType.Uuid, cancellationToken);
                    await rows.WriteAsync(line.Quantity, NpgsqlDbType.Integer, cancellationToken);
                    await rows.WriteAsync(line.UnitPrice, NpgsqlDbType.Numeric, cancellationToken);
                }
            }

            await rows.CompleteAsync(cancellationToken);
        }

        return invoices.Count;
    }
}
