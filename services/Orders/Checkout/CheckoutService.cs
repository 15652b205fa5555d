using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Clients;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using ECommerce.Orders.Pricing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Places an order exactly once per (customer, Idempotency-Key): the unique index on that pair decides between
/// concurrent attempts, and the stored request hash tells a retry (same order back) from a different request
/// reusing the key (refused). The order, its first history row and OrderPlaced commit in one transaction.
/// </summary>
public sealed class CheckoutService(
    OrdersDbContext db,
    QuoteService quotes,
    PromotionStore promotions,
    CartStore carts,
    UsersClient users,
    RiskClient risk,
    TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    public Task<CheckoutOutcome> PlaceAsync(
        string customerId, string idempotencyKey, CheckoutRequest request, CancellationToken cancellationToken) =>
        PlaceAsync(Buyer.Customer(customerId), idempotencyKey, request, cancellationToken);

    /// <summary>Places the order for a signed-in customer or a guest; a guest's lines always come from their anonymous server cart.</summary>
    public async Task<CheckoutOutcome> PlaceAsync(
        Buyer buyer, string idempotencyKey, CheckoutRequest request, CancellationToken cancellationToken)
    {
        var customerId = buyer.CustomerId;
        var hash = Hash(request, buyer.GuestEmail);
        if (await FindExistingAsync(customerId, idempotencyKey, hash, cancellationToken) is { } existing)
        {
            return existing;
        }

        var lines = request.Lines?.Select(l => new LineToPrice(l.ProductId, l.Quantity)).ToList() ?? await CartLinesAsync(buyer.Cart, cancellationToken);
        var errors = new ValidationErrors();
        if (lines.Count == 0)
        {
            return new CheckoutOutcome(CheckoutResult.Invalid, Errors: errors.Add("lines", "The cart is empty: add something, or send the lines to buy."));
        }

        var address = request.ShippingAddress is { } given ? ShippingAddress.From(given.Normalized()) : await users.GetAddressAsync(request.AddressId!.Value, cancellationToken);
        if (address is null)
        {
            return new CheckoutOutcome(CheckoutResult.Invalid, Errors: errors.Add("addressId", "No address with this id in your address book."));
        }

        var countryField = request.ShippingAddress is null ? "addressId" : "shippingAddress.country";
        var (quote, problems) = await quotes.QuoteAsync(
            lines, address.Country, request.ShippingMethod, "lines", countryField, cancellationToken, request.DiscountCode, customerId);
        if (quote is null)
        {
            return new CheckoutOutcome(CheckoutResult.Invalid, Errors: problems);
        }

        if (request.QuoteFingerprint is { } seen && seen != quote.Fingerprint)
        {
            // Something the shopper was shown changed (a price, a rate, a fee): show the new quote, charge nothing.
            return new CheckoutOutcome(CheckoutResult.QuoteChanged, Quote: quote);
        }

        var order = Order.Place(customerId, idempotencyKey, hash, quote, address, request.PaymentMethod!, clock.GetUtcNow(), buyer.GuestEmail);
        await AssessRiskAsync(order, cancellationToken);
        db.Orders.Add(order);
        db.AddIntegrationEvent(new OrderPlaced(order.Id, customerId,
            [.. order.Items.Select(i => new OrderLine(i.ProductId, i.Sku, i.Quantity, i.UnitPrice))], order.Currency, order.Total, order.PaymentMethod, quote.TotalMinor,
            order.HeldForReview));
        string? refused;
        try
        {
            refused = await SaveAsync(order, quote, customerId, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same key won the race; answer as its retry would be answered.
            db.ChangeTracker.Clear();
            return await FindExistingAsync(customerId, idempotencyKey, hash, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency key conflicted but no order holds it.", e);
        }

        if (refused is not null)
        {
            // The code ran out (or this customer's uses did) between the quote and now: nothing is placed or charged.
            db.ChangeTracker.Clear();
            return new CheckoutOutcome(CheckoutResult.Invalid, Errors: new ValidationErrors().Add("discountCode", refused));
        }

        await ClearCartAsync(buyer.Cart, cancellationToken);
        return new CheckoutOutcome(CheckoutResult.Created, order);
    }

    /// <summary>
    /// Scores the order before it is saved, so the hold decision travels in OrderPlaced (Payments then authorises only).
    /// The velocity counts this customer's orders of the last 24 hours placed here, paid or not: a burst of attempts is
    /// the signal, and AI only sees paid ones.
    /// </summary>
    private async Task AssessRiskAsync(Order order, CancellationToken cancellationToken)
    {
        var since = order.CreatedAt.AddDays(-1);
        var recent = await db.Orders.CountAsync(o => o.CustomerId == order.CustomerId && o.CreatedAt >= since, cancellationToken);
        var verdict = await risk.AssessAsync(order.CustomerId, order.Total, order.Currency, order.Items.Count, recent, cancellationToken);
        order.AssessRisk(verdict.Score, verdict.Reasons, verdict.Source, verdict.Hold);
    }

    /// <summary>
    /// Saves the order and, when it has a promotion, its redemption, in one transaction; the redemption locks the
    /// promotion's row, so its limits hold exactly however many checkouts race. Returns why the promotion was refused.
    /// </summary>
    private Task<string?> SaveAsync(Order order, Quote quote, string customerId, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (quote.Discount?.Code is { } code && await promotions.RedeemAsync(code, customerId, order.Id, clock.GetUtcNow(), ct) is { } reason)
            {
                return reason;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (string?)null;
        }, cancellationToken);

    private async Task<CheckoutOutcome?> FindExistingAsync(string customerId, string idempotencyKey, string hash, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Items).Include(o => o.History)
            .SingleOrDefaultAsync(o => o.CustomerId == customerId && o.IdempotencyKey == idempotencyKey, cancellationToken);
        return order is null ? null
            : order.RequestHash == hash ? new CheckoutOutcome(CheckoutResult.Repeated, order)
            : new CheckoutOutcome(CheckoutResult.KeyReused);
    }

    private async Task<List<LineToPrice>> CartLinesAsync(CartOwner cart, CancellationToken cancellationToken) =>
        [.. (await carts.GetAsync(cart, cancellationToken)).Lines.Select(l => new LineToPrice(l.ProductId, l.Quantity))];

    /// <summary>The order now holds what the cart held; a failure here must not fail the checkout that already committed.</summary>
    private async Task ClearCartAsync(CartOwner cart, CancellationToken cancellationToken)
    {
        try
        {
            await db.DeleteCartAsync(cart, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning(e, "Could not clear the cart after checkout");
        }
    }

    /// <summary>
    /// SHA-256 of the request with its lines in product order, so only a change of meaning changes the hash; a guest's
    /// e-mail as given is part of it (the customer id only holds its normalised form).
    /// </summary>
    private static string Hash(CheckoutRequest request, string? guestEmail)
    {
        var canonical = request with { Lines = request.Lines is null ? null : [.. request.Lines.OrderBy(l => l.ProductId)] };
        var json = JsonSerializer.Serialize(canonical, JsonSerializerOptions.Web) + (guestEmail is null ? "" : "\n" + guestEmail);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
