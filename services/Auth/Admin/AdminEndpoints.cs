using System.Security.Claims;
using ECommerce.Auth.Domain;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Auth.Admin;

/// <summary>One page of the admin's account list.</summary>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Total, int Page, int PageSize);

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

    private static async Task<Results<Ok<AccountPage>, ValidationProblem>> ListAsync(
        UserManager<AuthUser> users, string? search, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return page < 1 ? ValidationErrors.Problem("page", "Pages start at 1.") : ValidationErrors.Problem("pageSize", "Page size is 1 to 200.");
        }

        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        var total = await query.CountAsync(ct);
        var found = await query.OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = new List<AccountSummary>(found.Count);
        foreach (var user in found)
        {
            items.Add(await AccountSummaries.OfAsync(user, users));
        }

        return TypedResults.Ok(new AccountPage(items, total, page, pageSize));
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
