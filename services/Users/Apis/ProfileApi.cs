using System.Security.Claims;
using ECommerce.Users.Data;
using ECommerce.Users.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Apis;

/// <summary>The customer's profile, the export of everything held, and deletion of the account.</summary>
public static class ProfileApi
{
    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("", GetProfile);
        me.MapPut("", UpdateProfile);
        me.MapGet("/export", Export);
        me.MapDelete("", DeleteAccount);
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

    public static async Task<Results<Ok<AccountExport>, NotFound>> Export(
        ClaimsPrincipal user, ProfileStore profiles, AddressBook addresses, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var profile = await profiles.GetOrCreateAsync(user, cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var export = AccountExport.From(profile, await addresses.ListAsync(profile.UserId, cancellationToken), clock.Now());
        response.Headers.ContentDisposition = "attachment; filename=\"account-export.json\"";
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(export);
    }

    /// <summary>Deletes the profile and addresses and publishes UserDeleted in the same transaction; repeating it is harmless.</summary>
    public static async Task<NoContent> DeleteAccount(
        ClaimsPrincipal user, AccountEraser eraser, UsersDbContext db, CancellationToken cancellationToken)
    {
        if (await eraser.StageAsync(user.UserId(), publish: true, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() || e.IsRowGone())
            {
                // A concurrent deletion (this customer's other tab, or Auth's UserDeleted) got there first.
            }
        }

        return TypedResults.NoContent();
    }
}
