using System.Text.Json;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Carts;

/// <summary>
/// Carts in the orders database, one row per owner, so that losing or restarting the cache loses no cart. Every read
/// and write pushes the expiry forward (a sliding expiry). A change is written only over the row it read, and after
/// lost races it locks the cart's row, so changes from two tabs never fail or lose each other's lines; a read takes no
/// lock and serves the last committed cart, so it never waits for a change and never answers 409. A read writes only
/// when it has something to keep: re-priced lines, or an expiry that has slid by more than a hundredth of the time to
/// live (about 1 h 41 min of a week), so the cart badge read on every page costs no write.
/// </summary>
public sealed class CartStore(OrdersDbContext db, IOptions<CartLimits> limits, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TimeSpan TimeToLive => limits.Value.TimeToLive;

    /// <summary>How far a read must slide the expiry before it is worth a write: a hundredth of the time to live.</summary>
    private TimeSpan ExtendAfter => TimeToLive / 100;

    /// <summary>The cart, or an empty one; reading counts as activity and extends its life (see <see cref="TouchAsync"/>).</summary>
    public async Task<Cart> GetAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        var (cart, stored) = await ReadAsync(owner, cancellationToken);
        if (stored is not null)
        {
            await TouchAsync(owner, stored, null, cancellationToken);
        }

        return cart;
    }

    /// <summary>
    /// The last committed cart and its stored lines (null when there is no live cart), without taking the row lock:
    /// a read never queues behind a change in flight, nor fails because of one — it simply does not see it yet.
    /// </summary>
    public async Task<(Cart Cart, StoredCart? Stored)> ReadAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var record = await db.Carts.AsNoTracking().SingleOrDefaultAsync(c => c.OwnerKey == owner.Key && c.ExpiresAt > now, cancellationToken);
        return record is null ? (new Cart(), null) : (ToCart(record, now), new StoredCart(record.Lines, record.ExpiresAt));
    }

    /// <summary>
    /// What a read writes, without ever waiting: pushes the expiry forward and, when <paramref name="refreshed"/> is
    /// given, keeps the re-priced lines (the "last prices seen" shown when Products cannot answer). Only if the lines
    /// are still the ones read (<paramref name="stored"/>) and no change holds the row (SKIP LOCKED); otherwise a
    /// writer got there first and its own write already extends the expiry, so skipping loses nothing. Nothing is
    /// written when the lines are unchanged and the expiry was extended less than <see cref="ExtendAfter"/> ago.
    /// </summary>
    public async Task TouchAsync(CartOwner owner, StoredCart stored, Cart? refreshed, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + TimeToLive;
        var lines = refreshed is null ? null : JsonSerializer.Serialize(refreshed.Lines, Json);
        var linesChanged = lines is not null && lines != JsonSerializer.Serialize(ParseLines(stored.Lines), Json);
        if (!linesChanged && expiresAt - stored.ExpiresAt < ExtendAfter)
        {
            return;
        }

        lines ??= stored.Lines;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE carts SET expires_at = {expiresAt}, lines = CAST({lines} AS jsonb)
            WHERE owner_key = (
                SELECT owner_key FROM carts
                WHERE owner_key = {owner.Key} AND expires_at > {now} AND lines = CAST({stored.Lines} AS jsonb)
                FOR UPDATE SKIP LOCKED)
            """, cancellationToken);
    }

    /// <summary>How many times a change is tried without the row lock before it queues on it (<see cref="UpdateAsync"/>).</summary>
    private const int OptimisticAttempts = 2;

    /// <summary>
    /// Applies a change atomically with respect to other writers; a change returning false writes nothing. It may run
    /// <paramref name="change"/> more than once, each time on the latest cart. First without a transaction: read the
    /// row, change it, and write it only if it is still the row read (two round trips, where the lock takes four; one
    /// shopper's adds rarely race). A change that lost a race is applied again to what the other writer wrote; after
    /// <see cref="OptimisticAttempts"/> lost races it queues on the row lock, so changes from many tabs at once all land.
    /// </summary>
    public async Task<Cart> UpdateAsync(CartOwner owner, Func<Cart, bool> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < OptimisticAttempts; attempt++)
        {
            if (await TryUpdateAsync(owner, change, cancellationToken) is { } cart)
            {
                return cart;
            }
        }

        return await UpdateLockedAsync(owner, change, cancellationToken);
    }

    /// <summary>
    /// One optimistic try: the change written only if the row still holds the lines and times it was read with (a
    /// cart nobody has yet: only if nobody inserted one meanwhile). Null when another writer got there first.
    /// </summary>
    private async Task<Cart?> TryUpdateAsync(CartOwner owner, Func<Cart, bool> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = await db.Carts.AsNoTracking().SingleOrDefaultAsync(c => c.OwnerKey == owner.Key, cancellationToken);
        var cart = record is null ? new Cart() : ToCart(record, now);
        var expiresAt = now + TimeToLive;
        if (!change(cart))
        {
            // As under the lock: a live cart lives on, a missing one stays missing.
            if (cart.Lines.Count > 0)
            {
                await db.Carts.Where(c => c.OwnerKey == owner.Key).ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresAt, expiresAt), cancellationToken);
            }

            return cart;
        }

        cart.UpdatedAt = now;
        var lines = JsonSerializer.Serialize(cart.Lines, Json);
        var written = record is null
            ? await db.Database.ExecuteSqlAsync($"""
                INSERT INTO carts (owner_key, lines, updated_at, expires_at) VALUES ({owner.Key}, CAST({lines} AS jsonb), {now}, {expiresAt})
                ON CONFLICT (owner_key) DO NOTHING
                """, cancellationToken)
            : await db.Database.ExecuteSqlAsync($"""
                UPDATE carts SET lines = CAST({lines} AS jsonb), updated_at = {now}, expires_at = {expiresAt}
                WHERE owner_key = {owner.Key} AND lines = CAST({record.Lines} AS jsonb)
                    AND updated_at = {record.UpdatedAt} AND expires_at = {record.ExpiresAt}
                """, cancellationToken);
        return written == 1 ? cart : null;
    }

    /// <summary>The change under the row's lock: changes queue behind each other however many race.</summary>
    private Task<Cart> UpdateLockedAsync(CartOwner owner, Func<Cart, bool> change, CancellationToken cancellationToken) =>
        InTransactionAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var cart = ToCart(await LockAsync(owner.Key, now, ct), now);
            if (change(cart))
            {
                cart.UpdatedAt = now;
                await WriteAsync(owner.Key, cart, now, ct);
                return (cart, true);
            }

            // Nothing changed, but the shopper was active: a live cart lives on; a missing one stays missing.
            if (cart.Lines.Count == 0)
            {
                return (cart, false);
            }

            var expiresAt = now + TimeToLive;
            await db.Carts.Where(c => c.OwnerKey == owner.Key).ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresAt, expiresAt), ct);
            return (cart, true);
        }, cancellationToken);

    /// <summary>Moves the anonymous cart's lines into the customer's and deletes it, both or neither.</summary>
    public Task<(Cart Cart, IReadOnlyList<Guid> Dropped)> MergeAsync(CartOwner anonymous, CartOwner customer, CancellationToken cancellationToken = default) =>
        InTransactionAsync<(Cart, IReadOnlyList<Guid>)>(async ct =>
        {
            var now = clock.GetUtcNow();
            // Both rows are locked in one order (by key) whoever asks, so two merges cannot deadlock each other.
            var records = new Dictionary<string, CartRecord>();
            foreach (var key in new[] { anonymous.Key, customer.Key }.Order(StringComparer.Ordinal))
            {
                records[key] = await LockAsync(key, now, ct);
            }

            var from = ToCart(records[anonymous.Key], now);
            var into = ToCart(records[customer.Key], now);
            if (from.Lines.Count == 0)
            {
                return ((into, []), false);
            }

            var dropped = into.MergeFrom(from, limits.Value);
            into.UpdatedAt = now;
            await WriteAsync(customer.Key, into, now, ct);
            await db.Carts.Where(c => c.OwnerKey == anonymous.Key).ExecuteDeleteAsync(ct);
            return ((into, dropped), true);
        }, cancellationToken);

    /// <summary>Deletes the cart.</summary>
    public Task DeleteAsync(CartOwner owner, CancellationToken cancellationToken = default) => db.DeleteCartAsync(owner, cancellationToken);

    /// <summary>Deletes every expired cart (they already read as empty); returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Carts.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the owner's row until the transaction ends. A cart that has no row yet gets an expired (empty) one first,
    /// so two first writes queue on that row instead of both inserting; a transaction that writes nothing rolls it back.
    /// </summary>
    private async Task<CartRecord> LockAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO carts (owner_key, lines, updated_at, expires_at) VALUES ({key}, '[]', {now}, {now}) ON CONFLICT (owner_key) DO NOTHING",
            cancellationToken);
        var locked = await db.Carts.FromSql($"SELECT * FROM carts WHERE owner_key = {key} FOR UPDATE").AsNoTracking().ToListAsync(cancellationToken);
        return locked.Single();
    }

    private Task WriteAsync(string key, Cart cart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lines = JsonSerializer.Serialize(cart.Lines, Json);
        var expiresAt = now + TimeToLive;
        return db.Carts.Where(c => c.OwnerKey == key).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Lines, lines)
            .SetProperty(c => c.UpdatedAt, cart.UpdatedAt)
            .SetProperty(c => c.ExpiresAt, expiresAt), cancellationToken);
    }

    /// <summary>Runs the work in a transaction (retried whole on a transient failure) and commits only if it asks to.</summary>
    private Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (result, commit) = await work(ct);
            if (commit)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }, cancellationToken);

    private static Cart ToCart(CartRecord record, DateTimeOffset now) => record.ExpiresAt <= now
        ? new Cart()
        : new Cart { Lines = ParseLines(record.Lines), UpdatedAt = record.UpdatedAt };

    private static List<CartLine> ParseLines(string lines) => JsonSerializer.Deserialize<List<CartLine>>(lines, Json) ?? [];
}

/// <summary>A live cart's row as read: its lines as stored (jsonb) and when it expires.</summary>
public sealed record StoredCart(string Lines, DateTimeOffset ExpiresAt);
