namespace ECommerce.Products.Domain;

/// <summary>Limits of a collection, shared by validation and the column sizes.</summary>
public static class CollectionRules
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 500;

    /// <summary>A rule's category or brand slugs: as many as a search facet takes.</summary>
    public const int MaxSlugs = 20;

    /// <summary>A hand-picked list: a shelf, not a catalog.</summary>
    public const int MaxProducts = 100;

    /// <summary>The sorts a rule may ask for: the search's own, except relevance (a rule has no search text).</summary>
    public static readonly string[] Sorts = ["newest", "price_asc", "price_desc", "best_selling", "top_rated"];
}
