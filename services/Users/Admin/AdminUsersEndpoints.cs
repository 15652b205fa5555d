using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Admin;

/// <summary>Admin: list and search users, and look at one user's data.</summary>
public static class AdminUsersEndpoints
{
    public static RouteGroupBuilder MapAdminUserEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("", ListUsers);
        admin.MapGet("/{userId}", GetUser);
        return admin;
    }

    /// <summary>
    /// Newest first, a page at a time (<c>cursor</c> and <c>limit</c>, answering <c>{ items, next, total }</c>);
    /// <paramref name="search"/> matches part of the email or display name, or the exact user id.
    /// </summary>
    public static async Task<Results<Ok<UserPage>, ValidationProblem>> ListUsers(
        UsersDbContext db, CancellationToken cancellationToken, string? search = null, string? cursor = null, int? limit = null)
    {
        var errors = new ValidationErrors();
        var size = Paging.Limit(limit, errors);
        var after = Paging.Cursor<UserCursor>(cursor, errors);
        search = errors.Text("search", search, 100, required: false);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = db.Profiles.AsNoTracking();
        if (search is not null)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            query = query.Where(p => p.UserId == search
                || EF.Functions.ILike(p.Email, pattern, "\\")
                || EF.Functions.ILike(p.DisplayName, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        if (after is not null)
        {
            // Keyset: older than the last row seen, or as old with a later id (the order below).
            query = query.Where(p => p.CreatedAt < after.CreatedAt || (p.CreatedAt == after.CreatedAt && string.Compare(p.UserId, after.UserId) > 0));
        }

        var rows = await query
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.UserId)
            .Take(size + 1)
            .Select(p => new UserSummary(p.UserId, p.Email, p.DisplayName, p.Addresses.Count, p.CreatedAt))
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? Paging.Encode(new UserCursor(rows[size - 1].CreatedAt, rows[size - 1].UserId)) : null;
        return TypedResults.Ok(new UserPage([.. rows.Take(size)], next, total));
    }

    public static async Task<Results<Ok<AccountExport>, NotFound>> GetUser(
        string userId, UsersDbContext db, AddressBook addresses, WishlistStore wishlist, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return profile is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(AccountExport.From(profile, await addresses.ListAsync(userId, cancellationToken),
                await wishlist.ListAsync(userId, cancellationToken), clock.Now()));
    }

    /// <summary>The caller's text is matched literally: % and _ are not wildcards for them.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
