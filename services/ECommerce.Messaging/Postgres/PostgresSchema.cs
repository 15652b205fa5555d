using Npgsql;

namespace ECommerce.Messaging.Postgres;

/// <summary>The queue tables of the PostgreSQL transport, in schema <c>messaging</c> of the messaging database.</summary>
internal static class PostgresSchema
{
    public const string NotifyChannel = "ecommerce_messaging";

    // One queue table keyed by subscription: a row per (message, subscription), so fan-out is an INSERT ... SELECT
    // over the bindings and competing consumers lock disjoint rows with SKIP LOCKED.
    private const string Ddl = """
        CREATE SCHEMA IF NOT EXISTS messaging;
        CREATE TABLE IF NOT EXISTS messaging.bindings (
            topic text NOT NULL,
            subscription text NOT NULL,
            PRIMARY KEY (topic, subscription));
        CREATE TABLE IF NOT EXISTS messaging.queue (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscription text NOT NULL,
            topic text NOT NULL,
            message_id uuid NOT NULL,
            type text NOT NULL,
            body text NOT NULL,
            headers jsonb NOT NULL,
            occurred_at timestamptz NOT NULL,
            enqueued_at timestamptz NOT NULL DEFAULT now(),
            visible_at timestamptz NOT NULL DEFAULT now(),
            delivery_count int NOT NULL DEFAULT 0,
            last_error text);
        CREATE INDEX IF NOT EXISTS queue_ready ON messaging.queue (subscription, visible_at, id);
        CREATE TABLE IF NOT EXISTS messaging.dead_letters (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscription text NOT NULL,
            topic text NOT NULL,
            message_id uuid NOT NULL,
            type text NOT NULL,
            body text NOT NULL,
            headers jsonb NOT NULL,
            occurred_at timestamptz NOT NULL,
            delivery_count int NOT NULL,
            last_error text,
            dead_lettered_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS dead_letters_subscription ON messaging.dead_letters (subscription, id);
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Several services start at once; an advisory lock serialises the CREATE IF NOT EXISTS race.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(727274001)", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var ddl = new NpgsqlCommand(Ddl, connection, transaction))
        {
            await ddl.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
