namespace ECommerce.Products.Seeding;

/// <summary>Development seed settings (section <c>Products:Seed</c>).</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Products:Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>The UCI Online Retail file; default <c>../shared/data/online_retail.csv.gz</c> beside the repository.</summary>
    public string? DatasetPath { get; set; }

    /// <summary>How many products to take (the most often ordered ones in the dataset, or generated).</summary>
    public int ProductCount { get; set; } = 600;
}
