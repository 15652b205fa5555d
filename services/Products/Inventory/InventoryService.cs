using System.Runtime.CompilerServices;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Inventory;

/// <summary>
/// Reservations against stock. Every method runs inside the caller's transaction (the inbox transaction of an event
/// handler, or one the caller opens) and leaves its changes and events for the caller's SaveChanges.
/// Overselling is impossible by construction: stock rows are locked in a fixed order before they are checked, and the
/// update itself is conditional (<c>WHERE "Available" &gt;= qty</c>) with a CHECK constraint behind it.
/// </summary>
public sealed class InventoryService(ProductsDbContext db, IOptions<InventoryOptions> options, TimeProvider clock, ILogger<InventoryService> logger)
{
    /// <summary>
    /// Reserves every line of the order or none; publishes StockReserved or StockRejected. Repeats are no-ops. An order
    /// held for risk review (<paramref name="heldForReview"/>) keeps the stock for the longer review TTL.
    /// </summary>
    public async Task<ReservationStatus> ReserveAsync(Guid orderId, IEnumerable<OrderLine> lines, CancellationToken ct, bool heldForReview = false)
    {
        RequireTransaction();
        var existing = await LockReservationAsync(orderId, ct);
        if (existing is not null)
        {
            return existing.Status;
        }

        var wanted = lines.GroupBy(l => l.ProductId)
            .Select(g => new ReservationLine { ProductId = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .ToList();
        var ids = wanted.Select(l => l.ProductId).ToArray();

        // Lock in a fixed order so two orders sharing products can never deadlock; held until the caller commits. One
        // parameter per product, not one array: PostgreSQL planned the array's version afresh on every reservation, where
        // this one keeps a plan per line count (docs/benchmarks.md, "Planned once").
        var inList = string.Join(", ", ids.Select((_, i) => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
        var available = ids.Length == 0 ? [] : await db.Database.SqlQuery<StockRow>(FormattableStringFactory.Create($$"""
            SELECT s."ProductId", s."Available"
            FROM stock s JOIN products p ON p."Id" = s."ProductId"
            WHERE s."ProductId" IN ({{inList}}) AND p."Active"
            ORDER BY s."ProductId"
            FOR UPDATE OF s
            """, [.. ids.Cast<object>()])).ToDictionaryAsync(r => r.ProductId, r => r.Available, ct);

        var rejected = wanted
            .Where(l => l.Quantity <= 0 || available.GetValueOrDefault(l.ProductId) < l.Quantity)
            .Select(l => new RejectedLine(l.ProductId, l.Quantity, available.GetValueOrDefault(l.ProductId)))
            .ToList();
        var now = clock.GetUtcNow();
        if (wanted.Count == 0 || rejected.Count > 0)
        {
            db.Reservations.Add(new Reservation { OrderId = orderId, Status = ReservationStatus.Rejected, ExpiresAt = now, ClosedAt = now });
            db.AddIntegrationEvent(new StockRejected(orderId, rejected));
            InventoryMetrics.Rejected();
            return ReservationStatus.Rejected;
        }

        foreach (var line in wanted)
        {
            var updated = await db.Database.ExecuteSqlAsync($"""
                UPDATE stock SET "Available" = "Available" - {line.Quantity}, "Reserved" = "Reserved" + {line.Quantity}
                WHERE "ProductId" = {line.ProductId} AND "Available" >= {line.Quantity}
                """, ct);
            if (updated != 1)
            {
                // Unreachable while the rows are locked; throwing rolls the whole order back rather than half-reserving it.
                throw new InvalidOperationException($"Stock of {line.ProductId} changed under a row lock.");
            }
        }

        var reservation = new Reservation
        {
            OrderId = orderId,
            Status = ReservationStatus.Reserved,
            ExpiresAt = now + (heldForReview ? options.Value.HeldReservationTtl : options.Value.ReservationTtl),
            Lines = wanted,
        };
        db.Reservations.Add(reservation);
        db.AddIntegrationEvent(new StockReserved(orderId, reservation.Id, reservation.ExpiresAt));
        InventoryMetrics.Reserved();
        return ReservationStatus.Reserved;
    }

    /// <summary>
    /// Gives the order's stock back (cancelled, payment failed, or expired when <paramref name="expired"/>).
    /// A cancel that arrives before the order is seen leaves a tombstone so the late OrderPlaced holds nothing.
    /// </summary>
    public async Task ReleaseAsync(Guid orderId, string reason, bool expired, CancellationToken ct)
    {
        RequireTransaction();
        var reservation = await LockReservationAsync(orderId, ct);
        var now = clock.GetUtcNow();
        if (reservation is null)
        {
            db.Reservations.Add(new Reservation { OrderId = orderId, Status = ReservationStatus.Cancelled, ExpiresAt = now, ClosedAt = now });
            return;
        }

        if (reservation.Status is not (ReservationStatus.Reserved or ReservationStatus.Committed))
        {
            return;
        }

        foreach (var line in reservation.Lines.OrderBy(l => l.ProductId))
        {
            // Unshipped units go from reserved back on the shelf. Shipped units of a cancelled order can only be a
            // reservation committed when paying still moved it to sold at once: those go back from sold.
            var unshipped = line.Quantity - line.Shipped;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE stock SET "Available" = "Available" + {line.Quantity},
                    "Reserved" = greatest("Reserved" - {unshipped}, 0), "Sold" = greatest("Sold" - {line.Shipped}, 0)
                WHERE "ProductId" = {line.ProductId}
                """, ct);
        }

        reservation.Status = expired ? ReservationStatus.Expired : ReservationStatus.Released;
        reservation.ClosedAt = now;
        db.AddIntegrationEvent(new StockReleased(orderId, reason));
    }

    /// <summary>
    /// The order was paid: its reservation is committed, so it no longer expires. The units stay reserved until their
    /// shipments turn them into sold (<see cref="StockFulfilment"/>).
    /// </summary>
    public async Task CommitAsync(Guid orderId, CancellationToken ct)
    {
        RequireTransaction();
        var reservation = await LockReservationAsync(orderId, ct);
        if (reservation?.Status != ReservationStatus.Reserved)
        {
            if (reservation?.Status is ReservationStatus.Expired or ReservationStatus.Released)
            {
                // Paid after the hold lapsed: the units may be gone. Orders' compensation handles it; flag it for people.
                logger.LogWarning("Order {OrderId} was paid after its reservation was {Status}", orderId, reservation.Status);
            }

            return;
        }

        reservation.Status = ReservationStatus.Committed;
    }

    /// <summary>Releases up to a batch of reservations past their expiry; returns how many. Safe to run on several instances.</summary>
    public async Task<int> ReleaseExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        RequireTransaction();
        var due = await db.Database.SqlQuery<Guid>($"""
            SELECT "OrderId" AS "Value" FROM reservations
            WHERE "Status" = 'Reserved' AND "ExpiresAt" <= {now}
            ORDER BY "ExpiresAt" LIMIT {options.Value.ExpiryBatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var orderId in due)
        {
            await ReleaseAsync(orderId, "expired", expired: true, ct);
        }

        return due.Count;
    }

    internal async Task<Reservation?> LockReservationAsync(Guid orderId, CancellationToken ct)
    {
        // Serialises the handlers of one order (placed, paid, cancelled, expiry) even when they arrive together.
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM reservations WHERE "OrderId" = {orderId} FOR UPDATE""", ct);
        return await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == orderId, ct);
    }

    internal void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Inventory changes must run inside a transaction.");
        }
    }

    private sealed record StockRow(Guid ProductId, int Available);
}
