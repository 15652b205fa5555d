namespace ECommerce.Orders.Domain;

/// <summary>The tax classes a product can be in (Products stores one per product); rates are set per class and country.</summary>
public static class TaxClasses
{
    public const string Standard = "standard";
    public const string Reduced = "reduced";
    public const string Zero = "zero";

    public static readonly IReadOnlyList<string> All = [Standard, Reduced, Zero];

    public static bool IsKnown(string? taxClass) => taxClass is Standard or Reduced or Zero;
}
