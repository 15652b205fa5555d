using System.Security.Claims;

namespace Microsoft.Extensions.Hosting;

/// <summary>The roles a token carries (<c>role</c> from the Auth service, <c>roles</c> from Entra ID).</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";

    /// <summary>A service's client-credentials token: never a customer, admitted only where an endpoint says so.</summary>
    public const string Service = "service";

    /// <summary>The roles a user account can hold (Auth seeds and assigns these).</summary>
    public static readonly string[] All = [Customer, Admin];
}

/// <summary>
/// The caller of a request, read from its validated token one way in every service: <c>user.UserId()</c> where the
/// endpoint requires a signed-in user, <c>user.FindUserId()</c> where anonymous callers are welcome too.
/// </summary>
public static class CallerExtensions
{
    /// <summary>The claim holding the caller's user id in tokens from the Auth service and Entra ID alike.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>
    /// The signed-in caller's id. Throws when there is none: the customer and admin policies admit only tokens with a
    /// subject, so reaching this without one is a missing <c>RequireAuthorization</c>, a bug rather than a bad request.
    /// </summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindUserId() ?? throw new InvalidOperationException(
            $"The caller has no '{SubjectClaim}' claim: the endpoint must require the {AuthenticationDefaults.CustomerPolicy} or {AuthenticationDefaults.AdminPolicy} policy.");

    /// <summary>The caller's id when signed in, else null (anonymous callers, service tokens without a subject).</summary>
    public static string? FindUserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(SubjectClaim) is { Length: > 0 } subject ? subject : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
