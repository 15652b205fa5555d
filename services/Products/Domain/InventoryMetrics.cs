using System.Diagnostics.Metrics;

namespace ECommerce.Products.Domain;

/// <summary>
/// Stock reservations on the <c>ECommerce.Products</c> meter: <c>ecommerce.stock.reservations</c>, tagged
/// <c>ecommerce.reservation.outcome</c> reserved or rejected (not enough stock for a line). A rising share of
/// rejections under load is shoppers losing the last units to each other.
/// </summary>
public static class InventoryMetrics
{
    private static readonly Meter Meter = new("ECommerce.Products");

    private static readonly Counter<long> Reservations = Meter.CreateCounter<long>(
        "ecommerce.stock.reservations", "{reservation}", "Orders' stock reservations, by outcome.");

    public static void Reserved() => Reservations.Add(1, new KeyValuePair<string, object?>("ecommerce.reservation.outcome", "reserved"));

    public static void Rejected() => Reservations.Add(1, new KeyValuePair<string, object?>("ecommerce.reservation.outcome", "rejected"));
}
