using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Tests;

/// <summary>
/// Orders' <c>Overload:PriorityRoutes</c> (served first when the service is saturated) are matched before routing, by
/// text: each must name one of the service's own endpoints, or a renamed route would silently lose its priority.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class OverloadPriorityTests(OrdersHost host)
{
    [Fact]
    public void Every_priority_route_is_an_endpoint_of_the_service_and_none_adds_to_a_cart()
    {
        var priority = host.Factory.Services.GetRequiredService<IOptions<OverloadOptions>>().Value.PriorityRoutes;
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => $"{method} {AsPriorityRoute(e.RoutePattern)}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("POST /api/orders", priority);
        Assert.Contains("GET /api/orders/{guid}", priority);
        Assert.All(priority, entry => Assert.Contains(entry, endpoints));
        Assert.DoesNotContain(priority, entry => entry.Contains("/cart/lines", StringComparison.OrdinalIgnoreCase));
    }

    // "/api/orders/{id:guid}/payment" is written "/api/orders/{guid}/payment" in the setting.
    private static string AsPriorityRoute(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => segment.Parts is [RoutePatternParameterPart parameter]
            ? parameter.ParameterPolicies.Any(p => p.Content == "guid") ? "{guid}" : "{" + parameter.Name + "}"
            : string.Concat(segment.Parts.OfType<RoutePatternLiteralPart>().Select(l => l.Content))));
}
