using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>A line of an order: what the product was and cost when the order was placed (a snapshot, never re-priced).</summary>
public sealed class OrderItem
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    public Guid ProductId { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The variant's options when ordered ("Blue / M"); null for a product without variants.</summary>
    public string? VariantLabel { get; set; }

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal LineTotal => UnitPrice * Quantity;

    public string TaxClass { get; set; } = TaxClasses.Standard;

    public decimal TaxRate { get; set; }

    /// <summary>What promotions took off this line.</summary>
    public decimal Discount { get; set; }

    /// <summary>The tax in this line (included in it when the order was priced tax-inclusive).</summary>
    public decimal Tax { get; set; }

    public static OrderItem From(QuoteLine line, string currency) => new()
    {
        ProductId = line.ProductId,
        Sku = line.Sku,
        Name = line.Name,
        VariantLabel = line.VariantLabel,
        Quantity = line.Quantity,
        UnitPrice = Money.FromMinor(line.UnitPriceMinor, currency),
        TaxClass = line.TaxClass,
        TaxRate = line.TaxRate,
        Discount = Money.FromMinor(line.DiscountMinor, currency),
        Tax = Money.FromMinor(line.TaxMinor, currency),
    };
}

/// <summary>The tax of an order at one rate, in major units: what it was worked out on and the tax.</summary>
public sealed record OrderTaxLine(decimal Rate, decimal Net, decimal Tax);
