namespace ECommerce.Products.Domain;

/// <summary>How a collection finds its products.</summary>
public enum CollectionKind
{
    /// <summary>A filter run through the catalog search (category, brand, price, rating, sort): it follows the catalog.</summary>
    Rule,

    /// <summary>Products picked by hand, in the order given.</summary>
    Manual,
}

/// <summary>
/// A merchandised list of products ("New in", "Gifts under £10"): a rule over the catalog or a hand-picked list. Those
/// with <see cref="ShowOnHome"/> are the home page's rows, in <see cref="Position"/> order; every active one has a page.
/// </summary>
public sealed class Collection
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public CollectionKind Kind { get; set; }

    /// <summary>Rule: category slugs (each with its descendants), any of them.</summary>
    public List<string> CategorySlugs { get; set; } = [];

    /// <summary>Rule: brand slugs, any of them.</summary>
    public List<string> BrandSlugs { get; set; } = [];

    public decimal? MinPrice { get; set; }

    public decimal? MaxPrice { get; set; }

    /// <summary>Rule: 1–4, products whose approved reviews average at least this.</summary>
    public int? MinRating { get; set; }

    /// <summary>Rule: a search sort (newest, price_asc, price_desc, best_selling, top_rated); newest when null.</summary>
    public string? Sort { get; set; }

    /// <summary>Manual: the products in the order shown; ids no longer active are skipped when read.</summary>
    public List<Guid> ProductIds { get; set; } = [];

    public int Position { get; set; }

    public bool ShowOnHome { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }
}
