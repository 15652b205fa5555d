using ECommerce.AI.Datasets;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Training;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>An AI host whose tables hold a small synthetic store (shifted to end now) and which has trained once.</summary>
public sealed class TrainedAiHost : AiHost
{
    public TrainingData Data { get; private set; } = null!;

    public IReadOnlyList<TrainingOutcome> FirstRun { get; private set; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var generated = SyntheticDataset.Generate(customers: 250, productsPerCategory: 8, days: 120, seed: 5);
        var shift = DateTimeOffset.UtcNow - generated.Purchases.Max(p => p.At);
        Data = generated with { Purchases = [.. generated.Purchases.Select(p => p with { At = p.At + shift })] };

        await using (var db = NewDb())
        {
            db.Products.AddRange(Data.Catalog.Values.Select(c => new StoredProduct
            {
                Id = c.Id,
                Name = c.Name,
                Category = c.Category,
                Price = c.Price,
                Active = true,
                UpdatedAt = DateTimeOffset.UtcNow,
            }));
            db.Orders.AddRange(Data.Purchases.Select(p => new PaidOrder
            {
                Id = p.OrderId,
                CustomerId = p.CustomerId,
                PaidAt = p.At,
                Total = p.Total,
                Currency = "EUR",
                Lines = [.. p.Lines.Select((l, i) => new PaidOrderLine { OrderId = p.OrderId, LineNumber = i + 1, ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = l.UnitPrice })],
            }));
            db.Cancellations.AddRange(Data.Purchases.Where(p => p.Cancelled).Select(p => new OrderCancellation
            {
                OrderId = p.OrderId,
                CustomerId = p.CustomerId,
                Reason = "chargeback",
                WasPaid = true,
                CancelledAt = p.At.AddHours(1),
            }));
            await db.SaveChangesAsync();
        }

        FirstRun = await Factory.Services.GetRequiredService<ModelTrainer>().TrainAsync(CancellationToken.None);
    }
}
