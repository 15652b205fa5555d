using ECommerce.AI.Datasets;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;

namespace ECommerce.AI.Tests;

/// <summary>A small synthetic store (shifted to end now) written into the AI's tables, as its events would have.</summary>
public static class SyntheticStore
{
    public static TrainingData Generate()
    {
        var generated = SyntheticDataset.Generate(customers: 250, productsPerCategory: 8, days: 120, seed: 5);
        var shift = DateTimeOffset.UtcNow - generated.Purchases.Max(p => p.At);
        return generated with { Purchases = [.. generated.Purchases.Select(p => p with { At = p.At + shift })] };
    }

    public static async Task SeedAsync(AiDbContext db, TrainingData data)
    {
        db.Products.AddRange(data.Catalog.Values.Select(c => new StoredProduct
        {
            Id = c.Id,
            Name = c.Name,
            Category = c.Category,
            Price = c.Price,
            Active = true,
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        db.Orders.AddRange(data.Purchases.Select(Order));
        db.Cancellations.AddRange(data.Purchases.Where(p => p.Cancelled).Select(p => new OrderCancellation
        {
            OrderId = p.OrderId,
            CustomerId = p.CustomerId,
            Reason = "chargeback",
            WasPaid = true,
            CancelledAt = p.At.AddHours(1),
        }));
        await db.SaveChangesAsync();
    }

    public static PaidOrder Order(Purchase p) => new()
    {
        Id = p.OrderId,
        CustomerId = p.CustomerId,
        PaidAt = p.At,
        Total = p.Total,
        Currency = "EUR",
        Lines = [.. p.Lines.Select((l, i) => new PaidOrderLine { OrderId = p.OrderId, LineNumber = i + 1, ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = l.UnitPrice })],
    };
}
