using ECommerce.Contracts;
using ECommerce.Notifications.Clients;

namespace ECommerce.Notifications.Tests;

/// <summary>Orders and contacts as the neighbours answer them, with unique ids and addresses per test.</summary>
public static class TestOrders
{
    public static string NewCustomerId() => $"user-{Guid.NewGuid():N}";

    public static string EmailOf(string customerId) => $"{customerId}@example.test";

    /// <summary>Registers a customer's contact and a two-line order of theirs with the stand-ins; returns the order.</summary>
    public static OrderForMail AddOrder(this NeighbourServices neighbours, string customerId, string language = "en-GB", string? guestEmail = null)
    {
        if (guestEmail is null)
        {
            neighbours.Contacts[customerId] = new ContactForMail(customerId, EmailOf(customerId), "Ada Lovelace", language);
        }

        var id = Guid.NewGuid();
        var order = new OrderForMail(id, NewNumber(), customerId, guestEmail, guestEmail is null ? null : "token-123", new OrderForMailDetail(
            "GBP", Subtotal: 42.50m, Discount: 0m, Shipping: 3.99m, Tax: 7.75m, Total: 46.49m, PricesIncludeTax: true,
            [
                new OrderForMailLine("MUG-001", "Blue enamel mug", 2, 12.50m, 25.00m),
                new OrderForMailLine("TEA-042", "Earl Grey tea, 250 g", 1, 17.50m, 17.50m),
            ],
            new PostalAddress("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH", null, "GB", null),
            new OrderForMailShipping("Standard delivery", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 9))));
        neighbours.Orders[id] = order;
        return order;
    }

    /// <summary>An order number as Orders formats it (OrderNumber.Format): six digits in two groups, a no-break space between.</summary>
    public static string NewNumber()
    {
        var number = Random.Shared.Next(100_001, 1_000_000);
        return $"{number / 1000}\u00A0{number % 1000:000}";
    }

    public static OrderPaid Paid(OrderForMail order) =>
        new(order.Id, order.CustomerId, [new OrderLine(Guid.NewGuid(), "MUG-001", 2, 12.50m)], "GBP", 46.49m);
}
