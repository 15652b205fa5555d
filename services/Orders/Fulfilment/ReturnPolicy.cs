using System.ComponentModel.DataAnnotations;

namespace ECommerce.Orders.Fulfilment;

/// <summary>The store's returns policy (section <c>Orders:Returns</c>).</summary>
public sealed class ReturnPolicy
{
    /// <summary>How long after the latest delivery a shopper may ask to return items.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);
}
