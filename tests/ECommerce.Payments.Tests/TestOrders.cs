using ECommerce.Contracts;

namespace ECommerce.Payments.Tests;

/// <summary>Events as Orders and Products publish them, for one new order each time.</summary>
public static class TestOrders
{
    public static OrderPlaced Placed(string paymentMethod, decimal total = 19.99m, string currency = "EUR", string customerId = "customer-1", long? totalMinor = null) =>
        new(Guid.NewGuid(), customerId, [new OrderLine(Guid.NewGuid(), "SKU-1", 1, total)], currency, total, paymentMethod, totalMinor);

    public static StockReserved Reserved(Guid orderId) => new(orderId, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15));
}
