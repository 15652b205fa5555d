using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Admin;

/// <summary>Admin: list and search users, and look at one user's data.</summary>
public static class AdminUsersEndpoints
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapAdminUserEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("", ListUsers);
        admin.MapGet("/{userId}", GetUser);
        return admin;
    }

    /// <summary>Newest first; <paramref name="search"/> matches part of the email or display name, or the exact user id.</summary>
    public static async Task<Results<Ok<UserPage>, ValidationProblem>> ListUsers(
        UsersDbContext db, CancellationToken cancellationToken, string? search = null, int page = 1, int pageSize = 20)
    {
        var errors = new ValidationErrors();
        if (page < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Between 1 and {MaxPageSize}.");
        }

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
        var items = await query
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.UserId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new UserSummary(p.UserId, p.Email, p.DisplayName, p.Addresses.Count, p.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new UserPage(items, page, pageSize, total));
    }

    public static async Task<Results<Ok<AccountExport>, NotFound>> GetUser(
        string userId, UsersDbContext db, AddressBook addresses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return profile is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(AccountExport.From(profile, await addresses.ListAsync(userId, cancellationToken), clock.Now()));
    }

    /// <summary>The caller's text is matched literally: % and _ are not wildcards for them.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
