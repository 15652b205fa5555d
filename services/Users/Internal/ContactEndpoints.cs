using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Internal;

/// <summary>How to write to an account, for Notifications: address, name and language preference.</summary>
public sealed record ContactResponse(string UserId, string Email, string DisplayName, string Language);

/// <summary>
/// <c>GET /internal/users/{userId}/contact</c>: read by other services with their own client-credentials token (role
/// <c>service</c>), never by a shopper; the gateway does not route <c>/internal</c>, and it is not in the OpenAPI document.
/// </summary>
public static class ContactEndpoints
{
    public static WebApplication MapInternalContactEndpoints(this WebApplication app)
    {
        app.MapGet("/internal/users/{userId}/contact", GetContact)
            .RequireAuthorization(AuthenticationDefaults.ServicePolicy)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ContactResponse>, NotFound>> GetContact(string userId, UsersDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return profile is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ContactResponse(profile.UserId, profile.Email, profile.DisplayName, profile.Preferences.Language));
    }
}
