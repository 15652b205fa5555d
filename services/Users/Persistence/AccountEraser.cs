using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Persistence;

/// <summary>Deletes everything held about a user and leaves a tombstone; changes are saved by the caller.</summary>
public sealed class AccountEraser(UsersDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Stages the deletion. Returns false when the user was already erased (nothing to do, nothing to publish).
    /// <paramref name="publish"/> adds <see cref="UserDeleted"/> to the outbox, so the deletion and the news of it commit together.
    /// </summary>
    public async Task<bool> StageAsync(string userId, bool publish, CancellationToken cancellationToken)
    {
        if (await db.DeletedUsers.AnyAsync(d => d.UserId == userId, cancellationToken))
        {
            return false;
        }

        var profile = await db.Profiles.Include(p => p.Addresses).SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            db.Profiles.Remove(profile);
        }

        // Addresses cascade with the profile; this also catches any written without one.
        db.Addresses.RemoveRange(await db.Addresses.Where(a => a.UserId == userId).ToListAsync(cancellationToken));
        db.WishlistItems.RemoveRange(await db.WishlistItems.Where(w => w.UserId == userId).ToListAsync(cancellationToken));
        db.DeletedUsers.Add(new DeletedUser { UserId = userId, DeletedAt = clock.Now() });
        if (publish)
        {
            db.AddIntegrationEvent(new UserDeleted(userId));
        }

        return true;
    }
}
