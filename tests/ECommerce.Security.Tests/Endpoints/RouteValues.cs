using System.Globalization;
using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ECommerce.Security.Tests.Endpoints;

/// <summary>Fills a route pattern's parameters with values that reach the handler (real rows where the route names one).</summary>
public static class RouteValues
{
    /// <summary>
    /// The URL with every parameter filled: customer A's resource for owned ids, the seeded product for product ids,
    /// harmless names otherwise. <paramref name="overrides"/> replaces single parameters (the hostile suite's values).
    /// </summary>
    public static string Url(ApiEndpoint endpoint, Resources resources, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var segments = new List<string>();
        foreach (var segment in endpoint.Pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter when overrides?.TryGetValue(parameter.Name, out var value) == true => value,
                RoutePatternParameterPart parameter => Uri.EscapeDataString(ValueFor(endpoint, parameter, resources)),
                _ => throw new InvalidOperationException($"Unexpected route part in {endpoint.Route}"),
            }));
            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private static string ValueFor(ApiEndpoint endpoint, RoutePatternParameterPart parameter, Resources resources)
    {
        if (resources.OwnedBy(endpoint.Service.Name, parameter.Name) is { } owned)
        {
            return owned.ToString();
        }

        return parameter.Name switch
        {
            "productId" => resources.ProductId.ToString(),
            "id" when endpoint.Service.Name == "Products" => resources.ProductId.ToString(),
            "slug" => resources.ProductSlug,
            "fileName" => "missing.png",
            "role" => "customer",
            _ when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            _ when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
            _ => "security-" + parameter.Name.ToLower(CultureInfo.InvariantCulture),
        };
    }
}
