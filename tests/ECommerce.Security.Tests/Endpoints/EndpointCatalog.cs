using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ECommerce.Security.Tests.Endpoints;

/// <summary>
/// Reads a running service's endpoints from its <see cref="EndpointDataSource"/> and derives each one's access from
/// its metadata alone: IAllowAnonymous, or the policies/roles of IAuthorizeData (and AuthorizationPolicy metadata)
/// resolved through the service's own policy provider, so a policy's roles decide — not its name.
/// </summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<ApiEndpoint>> ReadAsync(HostedService service)
    {
        var source = service.Services.GetRequiredService<EndpointDataSource>();
        var policies = service.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var options = service.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;
        var result = new List<ApiEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (!raw.StartsWith(service.RoutePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var access = await AccessOfAsync(endpoint, policies, options);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            result.AddRange(methods.Select(m => new ApiEndpoint(service, m, endpoint.RoutePattern, access, endpoint.Metadata)));
        }

        return [.. result.OrderBy(e => e.Method == "DELETE").ThenBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private static async Task<Access> AccessOfAsync(RouteEndpoint endpoint, IAuthorizationPolicyProvider provider, AuthorizationOptions options)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Access.Anonymous;
        }

        var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var inline = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
        // A fallback policy would protect such an endpoint silently; the rule is an explicit decision per endpoint.
        if (authorizeData.Count == 0 && inline.Count == 0)
        {
            return Access.Undecided;
        }

        var policy = await AuthorizationPolicy.CombineAsync(provider, authorizeData, inline)
            ?? throw new InvalidOperationException($"{endpoint.RoutePattern.RawText}: authorization metadata combines to no policy.");
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().ToList();
        var unknown = policy.Requirements.Where(r => r is not RolesAuthorizationRequirement and not DenyAnonymousAuthorizationRequirement).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{endpoint.RoutePattern.RawText}: requirement(s) {string.Join(", ", unknown)} are not understood by the matrix; teach EndpointCatalog or add an expectation.");
        }

        bool Satisfies(string[] callerRoles) => roles.All(r => r.AllowedRoles.Any(callerRoles.Contains));
        return Satisfies(["customer"]) ? Access.Customer
            : Satisfies(["admin", "customer"]) ? Access.Admin
            : Access.OtherRole;
    }
}
