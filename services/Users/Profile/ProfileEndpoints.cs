using System.Security.Claims;
using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Profile;

/// <summary>The customer's profile: name, phone and marketing consent.</summary>
public static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("", GetProfile);
        me.MapPut("", UpdateProfile);
        return me;
    }

    public static async Task<Results<Ok<ProfileResponse>, NotFound>> GetProfile(
        ClaimsPrincipal user, ProfileStore profiles, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetOrCreateAsync(user, cancellationToken);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(ProfileResponse.From(profile));
    }

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, NotFound>> UpdateProfile(
        UpdateProfileRequest request, ClaimsPrincipal user, ProfileStore profiles, UsersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var displayName, out var phone);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var profile = await profiles.GetOrCreateAsync(user, cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.Now();
        profile.DisplayName = displayName;
        profile.Phone = phone;
        profile.SetMarketingConsent(request.MarketingConsent!.Value, now);
        profile.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsRowGone())
        {
            return TypedResults.NotFound(); // the account was deleted while this request was on its way
        }

        return TypedResults.Ok(ProfileResponse.From(profile));
    }
}
