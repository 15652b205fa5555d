namespace ECommerce.Products.Tests;

/// <summary>A host with a known catalog: 40 products over three leaf categories and two brands, some out of stock.</summary>
public sealed class CatalogHost : ProductsHost
{
    public static readonly string[] Leaves = ["decor", "kitchen", "toys"];

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        var items = Enumerable.Range(0, 37).Select(i => (
            Name: $"Item {i:D2} {(i % 2 == 0 ? "Lantern" : "Tea Towel")}",
            Description: i % 5 == 0 ? "Bright and useful." : "A gift for the home.",
            Price: 1.5m + (i * 3.25m % 120m),
            Category: Leaves[i % 3],
            Brand: i % 4 == 0 ? "wren" : "acme",
            Stock: i % 6 == 0 ? 0 : 10 + i)).ToList();
        items.Add(("White Hanging Heart T-Light Holder", "A heart to hang in a window.", 2.95m, "decor", "acme", 30));
        items.Add(("Red Retrospot Mug", "Decorated with small hearts.", 4.25m, "kitchen", "wren", 12));
        items.Add(("Wooden Rocking Horse", "A toy with a heart of oak.", 39.00m, "toys", "acme", 3));
        await AddProductsAsync(items);
    }
}
