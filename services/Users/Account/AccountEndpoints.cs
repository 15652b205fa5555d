using System.Security.Claims;
using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Account;

/// <summary>The customer's account as a whole: the export of everything held, and its deletion.</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("/export", Export);
        me.MapDelete("", DeleteAccount);
        return me;
    }

    public static async Task<Results<Ok<AccountExport>, NotFound>> Export(
        ClaimsPrincipal user, ProfileStore profiles, AddressBook addresses, WishlistStore wishlist, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var profile = await profiles.GetOrCreateAsync(user, cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var export = AccountExport.From(profile, await addresses.ListAsync(profile.UserId, cancellationToken),
            await wishlist.ListAsync(profile.UserId, cancellationToken), clock.Now());
        response.Headers.ContentDisposition = "attachment; filename=\"account-export.json\"";
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(export);
    }

    /// <summary>Deletes the profile, addresses and wishlist and publishes UserDeleted in the same transaction; repeating it is harmless.</summary>
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
