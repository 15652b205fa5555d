using Npgsql;

namespace ECommerce.LoadGenerator;

/// <summary>
/// <c>--restock N</c>: before each ramp step, every product with fewer than N units available gets N, written straight
/// to Products' stock table (a benchmark's fixture, not a shop operation: no stock event is published). The steps then
/// compare like with like: without it, units sold by earlier steps and runs cancel more and more orders as out of stock.
/// Reserved units are left alone, so the stock invariants still hold.
/// </summary>
public static class Shelves
{
    public static async Task<int> RestockAsync(string productsDatabase, int units, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(productsDatabase);
        await connection.OpenAsync(ct);
        List<Guid> low = [];
        await using (var find = new NpgsqlCommand("""SELECT "ProductId" FROM stock WHERE "Available" < @units""", connection))
        {
            find.Parameters.AddWithValue("units", units);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                low.Add(reader.GetGuid(0));
            }
        }

        // One row per statement, each its own transaction: orders still settling from the step before lock several
        // stock rows at once, and one UPDATE over many rows deadlocked with them.
        var restocked = 0;
        await using var update = new NpgsqlCommand("""UPDATE stock SET "Available" = @units WHERE "ProductId" = @id AND "Available" < @units""", connection);
        var id = new NpgsqlParameter<Guid>("id", default(Guid));
        update.Parameters.Add(id);
        update.Parameters.AddWithValue("units", units);
        foreach (var productId in low)
        {
            id.TypedValue = productId;
            restocked += await update.ExecuteNonQueryAsync(ct);
        }

        return restocked;
    }
}
