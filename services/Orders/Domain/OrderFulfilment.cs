using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>
/// The order's shipments: a paid order ships in one or more parts (never more of a line than was ordered), goes
/// PartiallyShipped → Shipped, and is Delivered when every shipment of a fully shipped order has arrived.
/// </summary>
public sealed partial class Order
{
    public List<Shipment> Shipments { get; private set; } = [];

    /// <summary>When the last shipment of a fully shipped order arrived.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Until when delivered items may be returned: the store's window counted from the latest delivery.</summary>
    public DateTimeOffset? ReturnsOpenUntil { get; private set; }

    /// <summary>
    /// Bumped by every shipment and return command, so the order row itself is written and two concurrent commands
    /// (two shipments of the same last unit) conflict on its row version instead of both passing their checks.
    /// </summary>
    public int FulfilmentRevision { get; private set; }

    public int ShippedQuantity(Guid productId) =>
        Shipments.SelectMany(s => s.Lines).Where(l => l.ProductId == productId).Sum(l => l.Quantity);

    /// <summary>Delivered units of a line; an order delivered before shipments existed delivered everything.</summary>
    public int DeliveredQuantity(Guid productId) => Shipments.Count == 0 && Status == OrderStatus.Delivered
        ? Items.Where(i => i.ProductId == productId).Sum(i => i.Quantity)
        : Shipments.Where(s => s.DeliveredAt is not null).SelectMany(s => s.Lines).Where(l => l.ProductId == productId).Sum(l => l.Quantity);

    /// <summary>What is still to ship, line by line.</summary>
    public IEnumerable<(OrderItem Item, int Quantity)> LeftToShip() =>
        Items.Select(i => (Item: i, Quantity: i.Quantity - ShippedQuantity(i.ProductId))).Where(x => x.Quantity > 0);

    /// <summary>
    /// Ships some lines with one carrier's tracking: refused unless the order is paid (or partly shipped) and every
    /// quantity is at most what is left of its line. Publishes OrderShipped with the lines; the last part makes it Shipped.
    /// </summary>
    public (Shipment? Shipment, FulfilmentError? Error) Ship(
        IReadOnlyList<(Guid ProductId, int Quantity)> lines, Carrier carrier, string trackingNumber, string actor, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Paid or OrderStatus.PartiallyShipped))
        {
            return (null, FulfilmentError.State($"An order that is {Status} cannot be shipped."));
        }

        if (lines.Count == 0)
        {
            return (null, new FulfilmentError("lines", "A shipment needs at least one line."));
        }

        var shipped = new List<ShipmentLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (productId, quantity) = lines[i];
            var item = Items.FirstOrDefault(x => x.ProductId == productId);
            if (item is null || lines.Take(i).Any(l => l.ProductId == productId))
            {
                return (null, new FulfilmentError($"lines[{i}].productId", item is null ? "Not a line of this order." : "The line appears twice."));
            }

            var left = item.Quantity - ShippedQuantity(productId);
            if (quantity < 1 || quantity > left)
            {
                return (null, new FulfilmentError($"lines[{i}].quantity", $"Between 1 and {left} of {item.Sku} are left to ship."));
            }

            shipped.Add(new ShipmentLine(productId, item.Sku, quantity));
        }

        var shipment = new Shipment
        {
            Id = Guid.CreateVersion7(now),
            OrderId = Id,
            Carrier = carrier.Code,
            TrackingNumber = trackingNumber,
            TrackingUrl = carrier.TrackingUrl(trackingNumber),
            Lines = shipped,
            ShippedAt = now,
        };
        Shipments.Add(shipment);
        TrackingNumber = trackingNumber;
        FulfilmentRevision++;
        var complete = !LeftToShip().Any();
        var what = string.Join(", ", shipped.Select(l => $"{l.Quantity} × {l.Sku}"));
        Apply(complete ? OrderTrigger.Ship : OrderTrigger.ShipPart, actor, $"shipped {what} with {carrier.Name}, tracking {trackingNumber}", now);
        Owe(new OrderShipped(Id, CustomerId, trackingNumber, carrier.Name, shipment.TrackingUrl, shipment.Id,
            [.. shipped.Select(l => new OrderLine(l.ProductId, l.Sku, l.Quantity, Items.First(x => x.ProductId == l.ProductId).UnitPrice))], complete));
        return (shipment, null);
    }

    /// <summary>
    /// One shipment arrived. When it is the last of a fully shipped order the order is Delivered (OrderDelivered); the
    /// return window runs from the latest delivery.
    /// </summary>
    public FulfilmentError? Deliver(Shipment shipment, TimeSpan returnWindow, string actor, DateTimeOffset now)
    {
        if (shipment.DeliveredAt is not null)
        {
            return FulfilmentError.State("This shipment was delivered already.");
        }

        shipment.DeliveredAt = now;
        ReturnsOpenUntil = now + returnWindow;
        FulfilmentRevision++;
        if (Status == OrderStatus.Shipped && Shipments.All(s => s.DeliveredAt is not null))
        {
            CompleteDelivery(actor, now);
        }
        else
        {
            Record("ShipmentDelivered", actor, $"delivered {string.Join(", ", shipment.Lines.Select(l => $"{l.Quantity} × {l.Sku}"))} (tracking {shipment.TrackingNumber})", now);
        }

        return null;
    }

    /// <summary>Every shipment arrived (the back office's "delivered" for the whole order): refused until everything has shipped.</summary>
    public FulfilmentError? DeliverAll(TimeSpan returnWindow, string actor, DateTimeOffset now)
    {
        if (Status != OrderStatus.Shipped)
        {
            return FulfilmentError.State($"An order that is {Status} cannot be delivered: everything must have shipped.");
        }

        foreach (var shipment in Shipments.Where(s => s.DeliveredAt is null))
        {
            shipment.DeliveredAt = now;
        }

        ReturnsOpenUntil = now + returnWindow;
        FulfilmentRevision++;
        CompleteDelivery(actor, now);
        return null;
    }

    private void CompleteDelivery(string actor, DateTimeOffset now)
    {
        DeliveredAt = now;
        Apply(OrderTrigger.Deliver, actor, "delivered", now);
        Owe(new OrderDelivered(Id, CustomerId, now));
    }
}
