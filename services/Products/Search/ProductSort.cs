namespace ECommerce.Products.Search;

/// <summary>Orders a product list can be sorted in; each has a unique keyset (sort key, id) for stable paging.</summary>
public enum ProductSort
{
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
    BestSelling,
}
