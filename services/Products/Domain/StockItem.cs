namespace ECommerce.Products.Domain;

/// <summary>
/// Stock of one product: <see cref="Available"/> can be sold now, <see cref="Reserved"/> is held for placed orders.
/// Changed only by conditional SQL updates (see InventoryService) so concurrent orders never oversell.
/// </summary>
public sealed class StockItem
{
    public Guid ProductId { get; set; }

    public int Available { get; set; }

    public int Reserved { get; set; }

    /// <summary>Units sold (committed reservations): the "best-selling" sort key, kept here so sales never bump the product's version.</summary>
    public int Sold { get; set; }

    /// <summary>At or below this the product is on the low-stock list.</summary>
    public int ReorderLevel { get; set; } = 5;
}
