using System.Security.Claims;
using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Preferences;

/// <summary>Currency, language and newsletter preferences.</summary>
public static class PreferencesEndpoints
{
    public static RouteGroupBuilder MapPreferencesEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("/preferences", GetPreferences);
        me.MapPut("/preferences", UpdatePreferences);
        return me;
    }

    public static async Task<Results<Ok<PreferencesResponse>, NotFound>> GetPreferences(
        ClaimsPrincipal user, ProfileStore profiles, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetOrCreateAsync(user, cancellationToken);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(PreferencesResponse.From(profile.Preferences));
    }

    public static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, NotFound>> UpdatePreferences(
        UpdatePreferencesRequest request, ClaimsPrincipal user, ProfileStore profiles, UsersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var profile = await profiles.GetOrCreateAsync(user, cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var errors = request.Validate(profile.MarketingConsent, out var preferences);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        profile.Preferences = preferences;
        profile.UpdatedAt = clock.Now();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsRowGone())
        {
            return TypedResults.NotFound(); // the account was deleted while this request was on its way
        }

        return TypedResults.Ok(PreferencesResponse.From(profile.Preferences));
    }
}
