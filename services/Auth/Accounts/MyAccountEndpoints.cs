using System.Security.Claims;
using ECommerce.Auth.Domain;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Accounts;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The caller's own account: read it, change its password, delete it.</summary>
public static class MyAccountEndpoints
{
    public static IEndpointRouteBuilder MapMyAccount(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Account");
        api.MapGet("/me", MeAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        api.MapPost("/me/password", ChangePasswordAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        api.MapDelete("/me", DeleteMeAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        return app;
    }

    private static async Task<Results<Ok<AccountSummary>, NotFound>> MeAsync(ClaimsPrincipal caller, UserManager<AuthUser> users) =>
        await FindCallerAsync(caller, users) is { } user ? TypedResults.Ok(await AccountSummaries.OfAsync(user, users)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, UserManager<AuthUser> users, AccountService accounts, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", "Enter your current password.");
        errors.Password(request.NewPassword, "newPassword");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (await FindCallerAsync(caller, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var changed = await accounts.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!, ct);
        return changed.Succeeded ? TypedResults.NoContent() : changed.Errors.ToProblem();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteMeAsync(ClaimsPrincipal caller, UserManager<AuthUser> users, AccountService accounts, CancellationToken ct)
    {
        if (await FindCallerAsync(caller, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        await accounts.DeleteAsync(user, ct);
        return TypedResults.NoContent();
    }

    // The account is always the token's subject, never an id from the URL or body.
    private static async Task<AuthUser?> FindCallerAsync(ClaimsPrincipal caller, UserManager<AuthUser> users) =>
        caller.FindUserId() is { } id ? await users.FindByIdAsync(id) : null;
}
