using System.Security.Claims;
using ECommerce.Auth.Accounts;
using ECommerce.Auth.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Apis;

/// <summary>The account API for the storefront and other clients: sign-up, the caller's account, passwords.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Account");
        api.MapPost("/register", RegisterAsync).AllowAnonymous();
        api.MapPost("/password/forgot", ForgotAsync).AllowAnonymous();
        api.MapPost("/password/reset", ResetAsync).AllowAnonymous();
        api.MapGet("/me", MeAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        api.MapPost("/me/password", ChangePasswordAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        api.MapDelete("/me", DeleteMeAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        return app;
    }

    private static async Task<Results<Created<AccountSummary>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, AccountService accounts, UserManager<AuthUser> users, CancellationToken ct)
    {
        var errors = AccountValidation.Registration(request.Email, request.Password, request.DisplayName);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var registered = await accounts.RegisterAsync(request.Email!, request.Password!, request.DisplayName!, ct);
        return registered.Succeeded
            ? TypedResults.Created("/api/auth/me", await Summaries.OfAsync(registered.User!, users))
            : TypedResults.ValidationProblem(registered.Errors);
    }

    private static async Task<Results<Accepted, ValidationProblem>> ForgotAsync(ForgotPasswordRequest request, HttpContext http, PasswordResetLinks links)
    {
        var errors = new Dictionary<string, string[]>();
        AccountValidation.Email(request.Email, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await links.SendAsync(http, request.Email!);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetAsync(ResetPasswordRequest request, AccountService accounts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        AccountValidation.Email(request.Email, errors);
        AccountValidation.Password(request.NewPassword, "newPassword", errors);
        var token = PasswordResetLinks.DecodeToken(request.Token);
        if (token is null)
        {
            errors["token"] = ["The reset token is invalid or has expired."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reset = await accounts.ResetPasswordAsync(request.Email!, token!, request.NewPassword!, ct);
        return reset.Succeeded ? TypedResults.NoContent() : TypedResults.ValidationProblem(reset.Errors);
    }

    private static async Task<Results<Ok<AccountSummary>, NotFound>> MeAsync(ClaimsPrincipal caller, UserManager<AuthUser> users) =>
        await FindCallerAsync(caller, users) is { } user ? TypedResults.Ok(await Summaries.OfAsync(user, users)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, UserManager<AuthUser> users, AccountService accounts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors["currentPassword"] = ["Enter your current password."];
        }

        AccountValidation.Password(request.NewPassword, "newPassword", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await FindCallerAsync(caller, users) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var changed = await accounts.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!, ct);
        return changed.Succeeded ? TypedResults.NoContent() : TypedResults.ValidationProblem(changed.Errors);
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
