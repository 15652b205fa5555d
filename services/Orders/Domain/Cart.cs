namespace ECommerce.Orders.Domain;

/// <summary>A shopper's cart and its rules: quantity and line limits, merging, and keeping prices current.</summary>
public sealed class Cart
{
    public List<CartLine> Lines { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Sets a line's quantity (adding the line if needed); returns the field and message of a broken limit.</summary>
    public (string Field, string Message)? SetQuantity(ProductSnapshot product, int quantity, CartLimits limits)
    {
        var line = Lines.Find(l => l.ProductId == product.Id);
        if (line is null && Lines.Count >= limits.MaxLines)
        {
            return ("productId", $"A cart holds at most {limits.MaxLines} different products.");
        }

        if (quantity < 1 || quantity > limits.MaxQuantityPerLine)
        {
            return ("quantity", $"The quantity of one product must be between 1 and {limits.MaxQuantityPerLine}.");
        }

        if (CurrencyBesides(product.Id) is { } currency && currency != product.Currency)
        {
            // Amounts in two currencies cannot be added up into one subtotal (and an order is charged in one currency).
            return ("productId", $"This cart is priced in {currency}; a product priced in {product.Currency} cannot join it.");
        }

        if (line is null)
        {
            line = new CartLine { ProductId = product.Id };
            Lines.Add(line);
        }

        line.Quantity = quantity;
        Refresh(line, product);
        // Choosing the quantity is the shopper seeing the current price: nothing left to point out.
        line.PriceWhenAdded = product.Price;
        return null;
    }

    /// <summary>Adds to a line's quantity.</summary>
    public (string Field, string Message)? Add(ProductSnapshot product, int quantity, CartLimits limits)
    {
        var existing = Lines.Find(l => l.ProductId == product.Id)?.Quantity ?? 0;
        return SetQuantity(product, existing + quantity, limits);
    }

    public bool Remove(Guid productId) => Lines.RemoveAll(l => l.ProductId == productId) > 0;

    /// <summary>
    /// Moves another cart's lines into this one: quantities add up (capped at the per-line limit), new products are
    /// appended while there is room and priced in this cart's currency. Returns the products that did not fit.
    /// </summary>
    public IReadOnlyList<Guid> MergeFrom(Cart other, CartLimits limits)
    {
        var dropped = new List<Guid>();
        foreach (var incoming in other.Lines)
        {
            var line = Lines.Find(l => l.ProductId == incoming.ProductId);
            if (line is not null)
            {
                line.Quantity = Math.Min(limits.MaxQuantityPerLine, line.Quantity + incoming.Quantity);
            }
            else if (Lines.Count < limits.MaxLines && (CurrencyBesides(incoming.ProductId) ?? incoming.Currency) == incoming.Currency)
            {
                Lines.Add(incoming);
            }
            else
            {
                dropped.Add(incoming.ProductId);
            }
        }

        return dropped;
    }

    /// <summary>Brings every line up to date with Products; a product Products no longer knows becomes unavailable.</summary>
    public void Refresh(IReadOnlyDictionary<Guid, ProductSnapshot> products)
    {
        foreach (var line in Lines)
        {
            if (products.TryGetValue(line.ProductId, out var product))
            {
                Refresh(line, product);
            }
            else
            {
                line.Available = false;
                line.Active = false;
            }
        }
    }

    /// <summary>The currency of the cart's other lines (null when it has none): a cart is priced in one currency.</summary>
    private string? CurrencyBesides(Guid productId) =>
        Lines.Find(l => l.ProductId != productId && l.Currency.Length > 0)?.Currency;

    private static void Refresh(CartLine line, ProductSnapshot product)
    {
        line.Sku = product.Sku;
        line.Name = product.Name;
        line.Slug = product.Slug;
        line.VariantLabel = product.VariantLabel;
        line.ImageUrl = product.ImageUrl;
        line.Currency = product.Currency;
        line.UnitPrice = product.Price;
        line.Available = product.InStock;
        line.Active = product.Active;
    }
}
