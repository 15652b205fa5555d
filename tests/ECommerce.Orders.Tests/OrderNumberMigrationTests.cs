using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>The migration that gives every order a number: existing orders in the order they were placed, then the sequence.</summary>
public sealed class OrderNumberMigrationTests
{
    /// <summary>The last migration before order numbers.</summary>
    private const string BeforeNumbers = "20261202132659_ShipmentsAndReturns";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Existing_orders_are_numbered_in_placement_order_and_new_orders_continue_after_them()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("orders-numbers");
        await using var db = new OrdersDbContext(new DbContextOptionsBuilder<OrdersDbContext>().UseNpgsql(database).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeNumbers, Ct);

        // Ids in the opposite order to the placing times, and two orders placed in the same instant (the id decides).
        var placed = DateTimeOffset.Parse("2026-11-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var first = Guid.Parse("ffffffff-0000-7000-8000-000000000001");
        var second = Guid.Parse("aaaaaaaa-0000-7000-8000-000000000002");
        var thirdTied = Guid.Parse("11111111-0000-7000-8000-000000000003");
        var fourthTied = Guid.Parse("22222222-0000-7000-8000-000000000004");
        await InsertLegacyOrderAsync(database, second, placed.AddMinutes(5));
        await InsertLegacyOrderAsync(database, fourthTied, placed.AddMinutes(9));
        await InsertLegacyOrderAsync(database, first, placed);
        await InsertLegacyOrderAsync(database, thirdTied, placed.AddMinutes(9));

        await migrator.MigrateAsync(cancellationToken: Ct);

        var numbers = await db.Orders.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Number, Ct);
        Assert.Equal(
            [(first, 100_001L), (second, 100_002L), (thirdTied, 100_003L), (fourthTied, 100_004L)],
            numbers.OrderBy(n => n.Value).Select(n => (n.Key, n.Value)));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));

        // The next order placed takes the next number; two orders can never hold the same one.
        var next = Guid.CreateVersion7();
        await InsertLegacyOrderAsync(database, next, DateTimeOffset.UtcNow);
        Assert.Equal(100_005L, await db.Orders.Where(o => o.Id == next).Select(o => o.Number).SingleAsync(Ct));
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(database, $"UPDATE orders SET number = 100001 WHERE id = '{second}'"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);

        // Down and up again: the column goes, and comes back numbered the same way.
        await migrator.MigrateAsync(BeforeNumbers, Ct);
        await migrator.MigrateAsync(cancellationToken: Ct);
        Assert.Equal(100_001L, await db.Orders.Where(o => o.Id == first).Select(o => o.Number).SingleAsync(Ct));
        Assert.Equal(OrderNumber.First + 4, await db.Orders.Where(o => o.Id == next).Select(o => o.Number).SingleAsync(Ct));
    }

    /// <summary>An order row as the schema before numbers holds it (the columns it requires), placed at <paramref name="createdAt"/>.</summary>
    private static Task InsertLegacyOrderAsync(string database, Guid id, DateTimeOffset createdAt) => ExecuteAsync(database,
        $"""
        INSERT INTO orders (id, customer_id, idempotency_key, request_hash, status, created_at, status_changed_at, currency,
            prices_include_tax, subtotal, discount, shipping, shipping_method_code, shipping_method_name, taxes, quote_fingerprint,
            tax, total, payment_method, was_paid, payment_attempts, fulfilment_revision,
            ship_recipient, ship_line1, ship_city, ship_postcode, ship_country)
        VALUES ('{id}', 'customer-1', '{id}', 'hash', 'Paid', '{createdAt:O}', '{createdAt:O}', 'GBP',
            true, 10, 0, 0, 'uk-standard', 'Standard delivery', '[]', 'fingerprint',
            0, 10, 'pm_card_visa', true, 1, 0,
            'Ada Lovelace', '1 Analytical Way', 'London', 'N1 9GU', 'GB')
        """);

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
