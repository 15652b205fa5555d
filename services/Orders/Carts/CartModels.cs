namespace ECommerce.Orders.Carts;

/// <summary>Put a product in the cart (adds to the quantity already there).</summary>
public sealed record AddCartLineRequest(Guid ProductId, int Quantity);

/// <summary>Set the quantity of one product in the cart.</summary>
public sealed record SetCartLineRequest(int Quantity);

/// <summary>A product whose price moved since the shopper chose it.</summary>
public sealed record CartPriceChange(Guid ProductId, string Name, decimal OldPrice, decimal NewPrice, string Currency);

public sealed record CartLineView(
    Guid ProductId,
    string Sku,
    string Name,
    string Slug,
    string? ImageUrl,
    int Quantity,
    decimal UnitPrice,
    string Currency,
    decimal LineTotal,
    bool Available,
    bool PriceChanged,
    decimal? PreviousPrice,
    string? VariantLabel);

/// <summary>
/// The cart as the shopper sees it. <see cref="PricesCurrent"/> is false when Products could not be asked and the
/// prices are the last ones seen; <see cref="CartId"/> is the anonymous cart's id (null for a customer's cart).
/// </summary>
public sealed record CartView(
    string? CartId,
    IReadOnlyList<CartLineView> Lines,
    IReadOnlyList<CartPriceChange> PriceChanges,
    int ItemCount,
    decimal Subtotal,
    string? Currency,
    bool PricesCurrent);

/// <summary>The customer's cart after merging the anonymous one, and the products that did not fit.</summary>
public sealed record CartMergeResult(CartView Cart, IReadOnlyList<Guid> NotMerged);
