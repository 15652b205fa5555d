using System.Security.Claims;
using ECommerce.Users.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Persistence;

/// <summary>
/// Finds a customer's profile, creating it on first use: the <c>UserRegistered</c> event normally creates it, but a
/// customer who signs in before that event arrives must not see an error.
/// </summary>
public sealed class ProfileStore(UsersDbContext db, TimeProvider clock)
{
    /// <summary>The profile, or null when the user deleted their account (a tombstone exists).</summary>
    public async Task<UserProfile?> GetOrCreateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }

        if (await IsDeletedAsync(userId, cancellationToken))
        {
            return null;
        }

        db.Profiles.Add(UserProfile.Create(userId, user.FindFirstValue("email"), user.FindFirstValue("name"), clock.Now()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The event handler or a parallel first request created it a moment ago; theirs is as good as ours.
            db.ChangeTracker.Clear();
        }

        return await db.Profiles.SingleAsync(p => p.UserId == userId, cancellationToken);
    }

    /// <summary>Creates the profile from registration; a profile created lazily in the meantime keeps what the customer set.</summary>
    public async Task CreateFromRegistrationAsync(string userId, string email, string displayName, CancellationToken cancellationToken)
    {
        if (await IsDeletedAsync(userId, cancellationToken))
        {
            return;
        }

        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            db.Profiles.Add(UserProfile.Create(userId, email, displayName, clock.Now()));
            return;
        }

        if (string.IsNullOrEmpty(profile.Email))
        {
            profile.Email = email;
            profile.UpdatedAt = clock.Now();
        }
    }

    public Task<bool> IsDeletedAsync(string userId, CancellationToken cancellationToken) =>
        db.DeletedUsers.AnyAsync(d => d.UserId == userId, cancellationToken);
}
