using ECommerce.Auth.Domain;
using ECommerce.Auth.EmailVerification;
using ECommerce.Auth.Html;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static ECommerce.Auth.Html.HtmlPage;
using static ECommerce.Auth.Html.ReturnUrls;

namespace ECommerce.Auth.Registration;

/// <summary>The sign-up page the sign-in page links to: creates the account and signs the browser in.</summary>
internal static class SignUpPages
{
    public sealed record SignUpForm(string? Email, string? DisplayName, string? Password, string? ReturnUrl);

    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/register", (HttpContext http, string? returnUrl) => SignUpPage(http, new SignUpForm(null, null, null, returnUrl), null));
        pages.MapPost("/register", SignUpAsync);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignUpAsync(
        HttpContext http, [FromForm] SignUpForm form, AccountService accounts, SignInManager<AuthUser> signIn, EmailVerificationLinks verification)
    {
        var errors = AccountValidation.Registration(form.Email, form.Password, form.DisplayName);
        if (errors.HasErrors)
        {
            return SignUpPage(http, form, errors, StatusCodes.Status400BadRequest);
        }

        var registered = await accounts.RegisterAsync(form.Email!, form.Password!, form.DisplayName!, http.RequestAborted);
        if (!registered.Succeeded)
        {
            return SignUpPage(http, form, registered.Errors, StatusCodes.Status400BadRequest);
        }

        await verification.SendAsync(http, registered.User!);
        await signIn.SignInAsync(registered.User!, isPersistent: false);
        return TypedResults.LocalRedirect(LocalOrHome(form.ReturnUrl));
    }

    private static ContentHttpResult SignUpPage(HttpContext http, SignUpForm form, ValidationErrors? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Create an account")
            .Errors(errors)
            .Form(http, "/account/register", "Create account",
                [
                    new Field("email", "E-mail address", "email", "email", form.Email, errors?.Has("email") == true),
                    new Field("displayName", "Your name", "text", "name", form.DisplayName, errors?.Has("displayName") == true),
                    new Field("password", $"Password (at least {AccountValidation.MinPasswordLength} characters)", "password", "new-password", Invalid: errors?.Has("password") == true),
                ],
                new Dictionary<string, string> { ["returnUrl"] = LocalOrHome(form.ReturnUrl) })
            .Link("/account/login?returnUrl=" + Uri.EscapeDataString(LocalOrHome(form.ReturnUrl)), "I already have an account")
            .ToResult(status);
}
