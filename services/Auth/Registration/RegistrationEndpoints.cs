using ECommerce.Auth.Domain;
using ECommerce.Auth.EmailVerification;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Registration;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

/// <summary>Sign-up for the storefront and other clients: the JSON API here, the HTML form in <see cref="SignUpPages"/>.</summary>
public static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistration(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/auth").WithTags("Account").MapPost("/register", RegisterAsync).AllowAnonymous();
        SignUpPages.Map(app);
        return app;
    }

    /// <summary>Creates the account and mails its owner the link that verifies the address.</summary>
    private static async Task<Results<Created<AccountSummary>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, HttpContext http, AccountService accounts, UserManager<AuthUser> users, EmailVerificationLinks verification, CancellationToken ct)
    {
        var errors = AccountValidation.Registration(request.Email, request.Password, request.DisplayName);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var registered = await accounts.RegisterAsync(request.Email!, request.Password!, request.DisplayName!, ct);
        if (!registered.Succeeded)
        {
            return registered.Errors.ToProblem();
        }

        await verification.SendAsync(http, registered.User!);
        return TypedResults.Created("/api/auth/me", await AccountSummaries.OfAsync(registered.User!, users));
    }
}
