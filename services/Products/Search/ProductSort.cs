namespace ECommerce.Products.Search;

/// <summary>Orders a product list can be sorted in; each has a unique keyset (sort key, id) for stable paging.</summary>
public enum ProductSort
{
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
    BestSelling,

    /// <summary>Highest average of approved reviews first (unrated last), then the most reviewed.</summary>
    TopRated,
}
