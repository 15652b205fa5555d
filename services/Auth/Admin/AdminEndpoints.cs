using System.Security.Claims;
using ECommerce.Auth.Domain;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Auth.Admin;

/// <summary>One page of the admin's account list.</summary>
/// <summary>A page of accounts by email, in the Page shape (items, next), with how many match the search beside it.</summary>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, string? Next, int Total);

/// <summary>Where a page of accounts ended: the last row's email and id.</summary>
public sealed record AccountCursor(string? Email, string Id);

/// <summary>Account administration: list and search accounts, grant and take roles, unlock, delete. Admins only.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAccountAdministration(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/auth/users").WithTags("Account administration")
            .RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("", ListAsync);
        admin.MapPut("/{id}/roles/{role}", GrantAsync);
        admin.MapDelete("/{id}/roles/{role}", RevokeAsync);
        admin.MapPost("/{id}/unlock", UnlockAsync);
        admin.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    /// <summary>By email, a page at a time (<c>cursor</c> and <c>limit</c>, answering <c>{ items, next, total }</c>).</summary>
    private static async Task<Results<Ok<AccountPage>, ValidationProblem>> ListAsync(
        UserManager<AuthUser> users, string? search, string? cursor, int? limit, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var size = Paging.Limit(limit, errors, fallback: 50, max: 200);
        var after = Paging.Cursor<AccountCursor>(cursor, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        var total = await query.CountAsync(ct);
        if (after is not null)
        {
            query = query.Where(u => string.Compare(u.Email, after.Email) > 0 || (u.Email == after.Email && string.Compare(u.Id, after.Id) > 0));
        }

        var found = await query.OrderBy(u => u.Email).ThenBy(u => u.Id).Take(size + 1).ToListAsync(ct);
        var items = new List<AccountSummary>(found.Count);
        foreach (var user in found.Take(size))
        {
            items.Add(await AccountSummaries.OfAsync(user, users));
        }

        var next = found.Count > size ? Paging.Encode(new AccountCursor(found[size - 1].Email, found[size - 1].Id)) : null;
        return TypedResults.Ok(new AccountPage(items, next, total));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> GrantAsync(
        string id, string role, UserManager<AuthUser> users, AccountService accounts, CancellationToken ct)
    {
        if (!AccountRoles.All.Contains(role))
        {
            return UnknownRole();
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
            await accounts.RevokeSessionsAsync(user, ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RevokeAsync(
        string id, string role, ClaimsPrincipal caller, UserManager<AuthUser> users, AccountService accounts, CancellationToken ct)
    {
        if (!AccountRoles.All.Contains(role))
        {
            return UnknownRole();
        }

        // An admin cannot demote themselves: the last admin would otherwise be able to lock everyone out.
        if (role == Roles.Admin && caller.FindUserId() == id)
        {
            return ValidationErrors.Problem("id", "You cannot remove your own admin role.");
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (await users.IsInRoleAsync(user, role))
        {
            await users.RemoveFromRoleAsync(user, role);
            // Refresh tokens carry the old roles forward; ending them makes the change take effect within one access token's life.
            await accounts.RevokeSessionsAsync(user, ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> UnlockAsync(string id, UserManager<AuthUser> users)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteAsync(
        string id, ClaimsPrincipal caller, UserManager<AuthUser> users, AccountService accounts, CancellationToken ct)
    {
        if (caller.FindUserId() == id)
        {
            return ValidationErrors.Problem("id", "Delete your own account from the account page, not as an admin.");
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return TypedResults.NotFound();
        }

        await accounts.DeleteAsync(user, ct);
        return TypedResults.NoContent();
    }

    private static ValidationProblem UnknownRole() => ValidationErrors.Problem("role", $"Known roles: {string.Join(", ", AccountRoles.All)}.");
}
