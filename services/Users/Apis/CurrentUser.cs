using System.Security.Claims;
using ECommerce.Users.Data;
using ECommerce.Users.Model;

namespace ECommerce.Users.Apis;

/// <summary>The caller's user id, always from the token's <c>sub</c> claim — never from the URL or the body.</summary>
internal static class CurrentUser
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ProfileStore.SubjectClaim) ?? throw new InvalidOperationException("The /me endpoints require a 'sub' claim.");

    /// <summary>
    /// A validly signed token without a subject (a client-credentials token) is nobody's account; one longer than the
    /// Auth service ever issues is not an account this service can hold.
    /// </summary>
    public static RouteGroupBuilder RequireSubject(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.FindFirstValue(ProfileStore.SubjectClaim) is { Length: > 0 and <= UserProfile.MaxUserIdLength }
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token does not identify a user."));
        return group;
    }
}
