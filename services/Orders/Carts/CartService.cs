using ECommerce.Orders.Clients;
using ECommerce.Orders.Domain;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Carts;

/// <summary>
/// Cart use cases: prices and availability come from Products on every read (so a ProductPriceChanged needs no
/// separate handling: the next read shows it), and each line remembers the price the shopper chose it at so the
/// difference can be pointed out.
/// </summary>
public sealed class CartService(CartStore store, ProductsClient products, IOptions<CartLimits> limits, ILogger<CartService> logger)
{
    /// <summary>
    /// The last committed cart, re-priced. A read never takes the cart's lock (a change in flight is not waited for),
    /// so under load a view cannot queue behind writers or fail because of them; it keeps the re-pricing only when
    /// nobody changed the cart meanwhile.
    /// </summary>
    public async Task<CartView> ViewAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        var (cart, stored) = await store.ReadAsync(owner, cancellationToken);
        if (stored is null || cart.Lines.Count == 0)
        {
            return ToView(owner, cart, pricesCurrent: true);
        }

        try
        {
            var current = await products.LookupAsync(cart.Lines.Select(l => l.ProductId), cancellationToken);
            cart.Refresh(current);
            await store.TouchAsync(owner, stored, cart, cancellationToken);
            return ToView(owner, cart, pricesCurrent: true);
        }
        catch (DependencyUnavailableException e)
        {
            // A cart that cannot be re-priced is still worth showing; checkout re-prices anyway.
            logger.LogWarning(e, "Products lookup failed; showing the cart with the last prices seen");
            await store.TouchAsync(owner, stored, null, cancellationToken);
            return ToView(owner, cart, pricesCurrent: false);
        }
    }

    /// <summary>Adds to or sets a line; errors name the request field that broke a rule.</summary>
    public async Task<(CartView? Cart, ValidationErrors? Errors)> ChangeLineAsync(
        CartOwner owner, Guid productId, int quantity, bool add, CancellationToken cancellationToken)
    {
        var found = await products.LookupAsync([productId], cancellationToken);
        if (!found.TryGetValue(productId, out var product) || !product.Active)
        {
            return (null, new ValidationErrors().Add("productId", "No product with this id is for sale."));
        }

        if (!product.InStock)
        {
            return (null, new ValidationErrors().Add("productId", "This product is out of stock."));
        }

        (string Field, string Message)? broken = null;
        var cart = await store.UpdateAsync(owner, c =>
        {
            broken = add ? c.Add(product, quantity, limits.Value) : c.SetQuantity(product, quantity, limits.Value);
            return broken is null;
        }, cancellationToken);
        return broken is { } b ? (null, new ValidationErrors().Add(b.Field, b.Message)) : (ToView(owner, cart, pricesCurrent: true), null);
    }

    public async Task<CartView?> RemoveLineAsync(CartOwner owner, Guid productId)
    {
        var removed = false;
        var cart = await store.UpdateAsync(owner, c => removed = c.Remove(productId));
        return removed ? ToView(owner, cart, pricesCurrent: false) : null;
    }

    public Task ClearAsync(CartOwner owner) => store.DeleteAsync(owner);

    public async Task<CartMergeResult> MergeAsync(CartOwner anonymous, CartOwner customer, CancellationToken cancellationToken)
    {
        var (_, dropped) = await store.MergeAsync(anonymous, customer, cancellationToken);
        return new CartMergeResult(await ViewAsync(customer, cancellationToken), dropped);
    }

    private static CartView ToView(CartOwner owner, Cart cart, bool pricesCurrent)
    {
        var lines = cart.Lines.Select(l => new CartLineView(
            l.ProductId, l.Sku, l.Name, l.Slug, l.ImageUrl, l.Quantity, l.UnitPrice, l.Currency, l.UnitPrice * l.Quantity,
            l.Available && l.Active, l.UnitPrice != l.PriceWhenAdded, l.UnitPrice != l.PriceWhenAdded ? l.PriceWhenAdded : null, l.VariantLabel)).ToList();
        var changes = cart.Lines.Where(l => l.UnitPrice != l.PriceWhenAdded)
            .Select(l => new CartPriceChange(l.ProductId, l.Name, l.PriceWhenAdded, l.UnitPrice, l.Currency)).ToList();
        // The store sells in one currency; lines that cannot be bought do not count towards the subtotal.
        var purchasable = lines.Where(l => l.Available).ToList();
        return new CartView(owner.AnonymousId, lines, changes, purchasable.Sum(l => l.Quantity), purchasable.Sum(l => l.LineTotal),
            lines.FirstOrDefault()?.Currency, pricesCurrent);
    }
}
