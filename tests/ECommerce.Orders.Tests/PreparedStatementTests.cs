using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Orders.Tests;

/// <summary>
/// A service's database connections prepare the statements they repeat (ServiceDefaults' PreparedStatements), so the
/// hot ones are parsed and planned once per connection rather than on every call: the same settings-to-connection path
/// every service takes, seen from inside the connection PostgreSQL keeps them on.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class PreparedStatementTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_run_repeatedly_on_a_service_connection_is_prepared_there()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var marker = Guid.NewGuid().ToString("N");
            for (var i = 0; i < 8; i++)
            {
                await db.Carts.AsNoTracking().Where(c => c.OwnerKey == marker).ToListAsync(Ct);
            }

            var prepared = await db.Database
                .SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements")
                .ToListAsync(Ct);
            Assert.Contains(prepared, s => s.Contains("FROM carts", StringComparison.Ordinal));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Theory]
    [InlineData("Host=db;Database=orders", "100")]
    [InlineData("Host=db;Database=orders;Max Auto Prepare=0", "0")]
    [InlineData("Host=db;Database=orders;Max Auto Prepare=7", "7")]
    public void The_connection_string_setting_is_kept_when_given(string connectionString, string expected)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Microsoft.Extensions.Hosting.PreparedStatements.Enable(connectionString));
        Assert.Equal(expected, builder.MaxAutoPrepare.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
