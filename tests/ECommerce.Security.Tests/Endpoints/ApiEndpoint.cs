using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ECommerce.Security.Tests.Endpoints;

/// <summary>One route and method of one service, with the access decision its metadata states.</summary>
public sealed record ApiEndpoint(HostedService Service, string Method, RoutePattern Pattern, Access Access, EndpointMetadataCollection Metadata)
{
    public string Route => "/" + Pattern.RawText!.Trim('/');

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public IEnumerable<RoutePatternParameterPart> Parameters => Pattern.Parameters;

    /// <summary>The key used by the templates and the expectations table: <c>POST /api/orders/{id:guid}/cancel</c>.</summary>
    public string Key => $"{Method} {Route}";

    public override string ToString() => $"{Service.Name}: {Key}";
}

/// <summary>Who may call an endpoint, as far as authorization is concerned.</summary>
public enum Access
{
    /// <summary>Neither RequireAuthorization nor AllowAnonymous: no decision was made, which the matrix refuses.</summary>
    Undecided,
    Anonymous,
    Customer,
    Admin,

    /// <summary>Signed-in callers with a role none of our callers has (e.g. service tokens): everyone here is refused.</summary>
    OtherRole,
}
