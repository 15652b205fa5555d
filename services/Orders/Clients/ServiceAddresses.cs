using System.ComponentModel.DataAnnotations;

namespace ECommerce.Orders.Clients;

/// <summary>
/// Where another service answers (sections <c>Orders:Products</c>, <c>Orders:Users</c>). The defaults are
/// service-discovery names (<c>http://products</c>) that Aspire resolves; tests point them at a local server.
/// </summary>
public sealed class ServiceAddress
{
    [Required]
    public Uri BaseAddress { get; set; } = null!;
}
