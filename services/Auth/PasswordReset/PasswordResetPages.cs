using ECommerce.Auth.Domain;
using ECommerce.Auth.Html;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ECommerce.Auth.Html.HtmlPage;

namespace ECommerce.Auth.PasswordReset;

/// <summary>"Forgot your password?" and the page the e-mailed link opens.</summary>
internal static class PasswordResetPages
{
    public sealed record ForgotForm(string? Email);

    public sealed record ResetForm(string? Email, string? Token, string? NewPassword);

    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/forgot-password", (HttpContext http) => ForgotPage(http, null));
        pages.MapPost("/forgot-password", ForgotAsync);
        pages.MapGet("/reset-password", (HttpContext http, string? email, string? token) => ResetPage(http, new ResetForm(email, token, null), null));
        pages.MapPost("/reset-password", ResetAsync);
    }

    private static async Task<ContentHttpResult> ForgotAsync(HttpContext http, [FromForm] ForgotForm form, PasswordResetLinks links)
    {
        var errors = new ValidationErrors();
        if (!errors.Email(form.Email))
        {
            return ForgotPage(http, errors, StatusCodes.Status400BadRequest);
        }

        await links.SendAsync(http, form.Email!);
        return new HtmlPage("Check your e-mail")
            .Paragraph("If an account uses that address, we have sent it a link to choose a new password.", "status")
            .ToResult();
    }

    private static async Task<ContentHttpResult> ResetAsync(HttpContext http, [FromForm] ResetForm form, AccountService accounts)
    {
        var errors = new ValidationErrors();
        errors.Email(form.Email);
        errors.Password(form.NewPassword, "newPassword");
        var token = PasswordResetLinks.DecodeToken(form.Token);
        errors.Check(token is not null, "token", "The reset link is invalid or has expired.");
        if (errors.HasErrors)
        {
            return ResetPage(http, form, errors, StatusCodes.Status400BadRequest);
        }

        var reset = await accounts.ResetPasswordAsync(form.Email!, token!, form.NewPassword!, http.RequestAborted);
        return reset.Succeeded
            ? new HtmlPage("Password changed").Paragraph("Your password has been changed.", "status").Link("/account/login", "Sign in").ToResult()
            : ResetPage(http, form, reset.Errors, StatusCodes.Status400BadRequest);
    }

    private static ContentHttpResult ForgotPage(HttpContext http, ValidationErrors? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Forgot your password?")
            .Errors(errors)
            .Form(http, "/account/forgot-password", "Send reset link",
                [new Field("email", "E-mail address", "email", "email", Invalid: errors?.Has("email") == true)])
            .ToResult(status);

    private static ContentHttpResult ResetPage(HttpContext http, ResetForm form, ValidationErrors? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Choose a new password")
            .Errors(errors)
            .Form(http, "/account/reset-password", "Change password",
                [new Field("newPassword", "New password (at least 10 characters)", "password", "new-password", Invalid: errors?.Has("newPassword") == true)],
                new Dictionary<string, string> { ["email"] = form.Email ?? "", ["token"] = form.Token ?? "" })
            .ToResult(status);
}
