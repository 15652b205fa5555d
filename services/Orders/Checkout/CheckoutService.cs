using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Clients;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Places an order exactly once per (customer, Idempotency-Key): the unique index on that pair decides between
/// concurrent attempts, and the stored request hash tells a retry (same order back) from a different request
/// reusing the key (refused). The order, its first history row and OrderPlaced commit in one transaction.
/// </summary>
public sealed class CheckoutService(
    OrdersDbContext db,
    ProductsClient products,
    UsersClient users,
    IOptions<PricingRules> pricing,
    TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    public async Task<CheckoutOutcome> PlaceAsync(
        string customerId, string idempotencyKey, CheckoutRequest request, CancellationToken cancellationToken)
    {
        var hash = Hash(request);
        if (await FindExistingAsync(customerId, idempotencyKey, hash, cancellationToken) is { } existing)
        {
            return existing;
        }

        var lines = request.Lines!;
        var catalog = await products.LookupAsync(lines.Select(l => l.ProductId), cancellationToken);
        var errors = new ValidationErrors();
        var items = new List<OrderItem>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!catalog.TryGetValue(lines[i].ProductId, out var product) || !product.Active)
            {
                errors.Add($"lines[{i}].productId", "No product with this id is for sale.");
            }
            else if (!product.InStock)
            {
                errors.Add($"lines[{i}].productId", "This product is out of stock.");
            }
            else if (!Currencies.IsKnown(product.Currency) || !Money.IsRepresentable(product.Price, product.Currency))
            {
                // Products refuses such prices; one stored before it did must not be rounded into an order.
                errors.Add($"lines[{i}].productId", $"This product's price ({product.Price} {product.Currency}) is not a whole number of {product.Currency} minor units.");
            }
            else
            {
                items.Add(new OrderItem { ProductId = product.Id, Sku = product.Sku, Name = product.Name, Quantity = lines[i].Quantity, UnitPrice = product.Price });
            }
        }

        var currencies = catalog.Values.Select(p => p.Currency).Distinct().ToList();
        if (currencies.Count > 1)
        {
            errors.Add("lines", "All products of one order must be priced in the same currency.");
        }

        var address = request.ShippingAddress is { } given ? ShippingAddress.From(given.Normalized()) : await users.GetAddressAsync(request.AddressId!.Value, cancellationToken);
        if (address is null)
        {
            errors.Add("addressId", "No address with this id in your address book.");
        }

        if (errors.HasErrors)
        {
            return new CheckoutOutcome(CheckoutResult.Invalid, Errors: errors);
        }

        var totals = OrderTotals.Calculate(items.Select(i => (i.UnitPrice, i.Quantity)), currencies[0], pricing.Value);
        var order = Order.Place(customerId, idempotencyKey, hash, items, totals, address!, request.PaymentMethod!, clock.GetUtcNow());
        db.Orders.Add(order);
        db.AddIntegrationEvent(new OrderPlaced(order.Id, customerId,
            [.. items.Select(i => new OrderLine(i.ProductId, i.Sku, i.Quantity, i.UnitPrice))], order.Currency, order.Total, order.PaymentMethod, totals.TotalMinor));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same key won the race; answer as its retry would be answered.
            db.ChangeTracker.Clear();
            return await FindExistingAsync(customerId, idempotencyKey, hash, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency key conflicted but no order holds it.", e);
        }

        await ClearCartAsync(customerId, cancellationToken);
        return new CheckoutOutcome(CheckoutResult.Created, order);
    }

    private async Task<CheckoutOutcome?> FindExistingAsync(string customerId, string idempotencyKey, string hash, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Items).Include(o => o.History)
            .SingleOrDefaultAsync(o => o.CustomerId == customerId && o.IdempotencyKey == idempotencyKey, cancellationToken);
        return order is null ? null
            : order.RequestHash == hash ? new CheckoutOutcome(CheckoutResult.Repeated, order)
            : new CheckoutOutcome(CheckoutResult.KeyReused);
    }

    /// <summary>The order now holds what the cart held; a failure here must not fail the checkout that already committed.</summary>
    private async Task ClearCartAsync(string customerId, CancellationToken cancellationToken)
    {
        try
        {
            await db.DeleteCartAsync(CartOwner.Customer(customerId), cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning(e, "Could not clear the cart after checkout");
        }
    }

    /// <summary>SHA-256 of the request with its lines in product order, so only a change of meaning changes the hash.</summary>
    private static string Hash(CheckoutRequest request)
    {
        var canonical = request with { Lines = [.. request.Lines!.OrderBy(l => l.ProductId)] };
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical, JsonSerializerOptions.Web))));
    }
}
