using System.Security.Claims;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ECommerce.Auth.Tokens;

/// <summary>
/// Builds the principal OpenIddict turns into tokens, with the claims the services agreed on: <c>sub</c>, <c>role</c>
/// (repeated), <c>email</c>, <c>name</c>, audience <c>ecommerce-api</c>.
/// </summary>
public sealed class TokenPrincipals(UserManager<AuthUser> users)
{
    /// <summary>Private claim (kept in codes and refresh tokens, never in access tokens) to notice credential changes.</summary>
    public const string SecurityStampClaim = "stamp";

    /// <summary>Role given to confidential service clients (client credentials); the customer and admin policies refuse it.</summary>
    public const string ServiceRole = Roles.Service;

    public async Task<ClaimsPrincipal> ForUserAsync(AuthUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "OpenIddict", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName)
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(user))
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(AuthOptions.ApiAudience);
        principal.SetDestinations(claim => Destinations(claim, principal));
        return principal;
    }

    public static ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(authenticationType: "OpenIddict", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaims(Claims.Role, [ServiceRole]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(AuthOptions.ApiAudience);
        principal.SetDestinations(claim => claim.Type == SecurityStampClaim ? [] : [OpenIddictConstants.Destinations.AccessToken]);
        return principal;
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsPrincipal principal) => claim.Type switch
    {
        SecurityStampClaim => [],
        Claims.Name when principal.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email when principal.HasScope(Scopes.Email) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role when principal.HasScope(Scopes.Roles) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
