using ECommerce.Users.Domain;

namespace ECommerce.Users;

/// <summary>The /me routes serve the caller's own account, identified by the token's subject only — never the URL or body.</summary>
internal static class RequireSubjectExtensions
{
    /// <summary>
    /// A validly signed token without a subject (a client-credentials token) is nobody's account; one longer than the
    /// Auth service ever issues is not an account this service can hold.
    /// </summary>
    public static RouteGroupBuilder RequireSubject(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.FindUserId() is { Length: <= UserProfile.MaxUserIdLength }
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token does not identify a user."));
        return group;
    }
}
