namespace ECommerce.AI.Recommendations;

/// <summary>The query values every recommendation endpoint checks at its edge; each failure names its field.</summary>
internal static class RecommendationQuery
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public static Guid? ProductId(string value, ValidationErrors errors)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors.Add("productId", "Must be a product id (a non-empty GUID).");
        return null;
    }

    public static int Limit(int? value, ValidationErrors errors) => Paging.Limit(value, errors, DefaultLimit, MaxLimit);
}
