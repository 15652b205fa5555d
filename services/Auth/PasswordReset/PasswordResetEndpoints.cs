using ECommerce.Auth.Domain;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Auth.PasswordReset;

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);

/// <summary>"Forgot your password?" as JSON (the HTML flow is <see cref="PasswordResetPages"/>): a link by e-mail, then a new password.</summary>
public static class PasswordResetEndpoints
{
    public static IEndpointRouteBuilder MapPasswordReset(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Account");
        api.MapPost("/password/forgot", ForgotAsync).AllowAnonymous();
        api.MapPost("/password/reset", ResetAsync).AllowAnonymous();
        PasswordResetPages.Map(app);
        return app;
    }

    private static async Task<Results<Accepted, ValidationProblem>> ForgotAsync(ForgotPasswordRequest request, HttpContext http, PasswordResetLinks links)
    {
        var errors = new ValidationErrors();
        if (!errors.Email(request.Email))
        {
            return errors.ToProblem();
        }

        await links.SendAsync(http, request.Email!);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetAsync(ResetPasswordRequest request, AccountService accounts, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Email(request.Email);
        errors.Password(request.NewPassword, "newPassword");
        var token = PasswordResetLinks.DecodeToken(request.Token);
        errors.Check(token is not null, "token", "The reset token is invalid or has expired.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var reset = await accounts.ResetPasswordAsync(request.Email!, token!, request.NewPassword!, ct);
        return reset.Succeeded ? TypedResults.NoContent() : reset.Errors.ToProblem();
    }
}
