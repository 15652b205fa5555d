using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.EmailVerification;

/// <summary>Confirms the link mailed at registration (anyone holding it), and mails a new one to the signed-in owner.</summary>
public sealed record ConfirmEmailRequest(string? UserId, string? Token);

/// <summary>E-mail verification as JSON (the page the link opens is <see cref="EmailVerificationPages"/>).</summary>
public static class EmailVerificationEndpoints
{
    public static IEndpointRouteBuilder MapEmailVerification(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Account");
        api.MapPost("/email/confirm", ConfirmAsync).AllowAnonymous();
        api.MapPost("/me/email/verification", ResendAsync).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        EmailVerificationPages.Map(app);
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem>> ConfirmAsync(ConfirmEmailRequest request, AccountService accounts, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(request.UserId is { Length: > 0 and <= 450 }, "userId", "The link is incomplete: it names no account.");
        var token = EmailVerificationLinks.DecodeToken(request.Token);
        errors.Check(token is not null, "token", "The verification link is invalid or has expired.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var confirmed = await accounts.ConfirmEmailAsync(request.UserId!, token!, ct);
        return confirmed.Succeeded ? TypedResults.NoContent() : confirmed.Errors.ToProblem();
    }

    /// <summary>Always 202: an address already verified simply gets no mail.</summary>
    private static async Task<Results<Accepted, NotFound>> ResendAsync(HttpContext http, UserManager<AuthUser> users, EmailVerificationLinks links)
    {
        if (await users.FindByIdAsync(http.User.UserId()) is not { } user)
        {
            return TypedResults.NotFound();
        }

        await links.SendAsync(http, user);
        return TypedResults.Accepted((string?)null);
    }
}
