using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Data;

/// <summary>
/// Creates the schema at start. The <c>dotnet ef</c> tool is not available on the build machines, so the tables come
/// from the model (EnsureCreated) and the ledger's append-only trigger from idempotent SQL below; both are safe to run
/// on every start and from several instances at once (an advisory lock serialises them).
/// </summary>
public static class PaymentsSchema
{
    private const long LockKey = 7_202_611;

    private const string AppendOnlyLedgerSql = """
        CREATE OR REPLACE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'ledger_entries is append-only (% refused)', TG_OP;
        END $$;
        DROP TRIGGER IF EXISTS ledger_entries_append_only ON ledger_entries;
        CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
            FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
        """;

    public static async Task EnsurePaymentsSchemaAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(AppendOnlyLedgerSql, cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
