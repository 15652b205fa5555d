namespace ECommerce.Products.Domain;

/// <summary>
/// The approved reviews of a product summed up, kept beside the product rather than in its row: the product's xmin is
/// the admin's edit token, and a moderation must not make an admin's open edit fail as a conflict.
/// </summary>
public sealed class ProductRating
{
    public Guid ProductId { get; set; }

    public int Count { get; set; }

    /// <summary>The sum of the approved ratings; the average is <c>Sum / Count</c>.</summary>
    public int Sum { get; set; }

    public decimal? Average => Count == 0 ? null : Math.Round((decimal)Sum / Count, 1, MidpointRounding.AwayFromZero);
}
