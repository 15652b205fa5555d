using ECommerce.Contracts;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Inventory;

/// <summary>
/// Stock after payment: a shipment turns its lines from reserved into sold, a received return puts the lines marked
/// restock back on sale. Each shipment and return is applied once (a <see cref="StockMovement"/> row per id), under the
/// order's reservation lock like every other change of the order's stock, inside the caller's (the inbox's) transaction.
/// </summary>
public sealed class StockFulfilment(ProductsDbContext db, InventoryService inventory, TimeProvider clock, ILogger<StockFulfilment> logger)
{
    /// <summary>
    /// Moves the shipped lines from reserved to sold, never more of a line than the order reserved and has not shipped.
    /// An event without lines (written before shipments existed) ships everything left.
    /// </summary>
    public async Task ShipAsync(Guid orderId, Guid shipmentId, IReadOnlyList<OrderLine>? lines, CancellationToken ct)
    {
        inventory.RequireTransaction();
        var reservation = await inventory.LockReservationAsync(orderId, ct);
        if (await AlreadyAppliedAsync(shipmentId, ct))
        {
            return;
        }

        db.StockMovements.Add(new StockMovement { Id = shipmentId, OrderId = orderId, Kind = "shipped", At = clock.GetUtcNow() });
        if (reservation?.Status == ReservationStatus.Reserved)
        {
            // OrderPaid travels on another topic and may be handled after the shipment: a shipped order was paid.
            reservation.Status = ReservationStatus.Committed;
        }

        if (reservation?.Status != ReservationStatus.Committed)
        {
            logger.LogWarning("Shipment {ShipmentId} of order {OrderId} found its reservation {Status}; stock unchanged", shipmentId, orderId, reservation?.Status);
            return;
        }

        foreach (var line in reservation.Lines.OrderBy(l => l.ProductId))
        {
            var wanted = lines is null ? line.Quantity : lines.Where(l => l.ProductId == line.ProductId).Sum(l => l.Quantity);
            var moving = Math.Min(wanted, line.Quantity - line.Shipped);
            if (moving <= 0)
            {
                continue;
            }

            await db.Database.ExecuteSqlAsync($"""
                UPDATE stock SET "Reserved" = greatest("Reserved" - {moving}, 0), "Sold" = "Sold" + {moving}
                WHERE "ProductId" = {line.ProductId}
                """, ct);
            line.Shipped += moving;
        }

        if (reservation.Lines.All(l => l.Shipped >= l.Quantity))
        {
            reservation.ClosedAt = clock.GetUtcNow();
        }
    }

    /// <summary>Puts the received lines marked restock back on sale (and un-counts their sale); written-off lines stay sold.</summary>
    public async Task RestockAsync(Guid orderId, Guid returnId, IReadOnlyList<ReceivedReturnLine> lines, CancellationToken ct)
    {
        inventory.RequireTransaction();
        await inventory.LockReservationAsync(orderId, ct);
        if (await AlreadyAppliedAsync(returnId, ct))
        {
            return;
        }

        db.StockMovements.Add(new StockMovement { Id = returnId, OrderId = orderId, Kind = "returned", At = clock.GetUtcNow() });
        foreach (var line in lines.Where(l => l.Restock && l.Quantity > 0).GroupBy(l => l.ProductId).OrderBy(g => g.Key))
        {
            var quantity = line.Sum(l => l.Quantity);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE stock SET "Available" = "Available" + {quantity}, "Sold" = greatest("Sold" - {quantity}, 0)
                WHERE "ProductId" = {line.Key}
                """, ct);
        }
    }

    private Task<bool> AlreadyAppliedAsync(Guid id, CancellationToken ct) => db.StockMovements.AnyAsync(m => m.Id == id, ct);
}
