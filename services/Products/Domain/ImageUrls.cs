namespace ECommerce.Products.Domain;

/// <summary>Where a stored image is served from (through the gateway, as every API).</summary>
public static class ImageUrls
{
    public const string Prefix = "/api/products/images/";

    public static string For(string fileName) => Prefix + fileName;
}
