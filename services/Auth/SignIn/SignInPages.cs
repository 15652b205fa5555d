using ECommerce.Auth.Html;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static ECommerce.Auth.Html.HtmlPage;
using static ECommerce.Auth.Html.ReturnUrls;

namespace ECommerce.Auth.SignIn;

/// <summary>The sign-in and sign-out pages the authorization endpoint sends browsers to, and the account home. Forms carry antiforgery tokens.</summary>
public static class SignInPages
{
    public sealed record SignInForm(string? Email, string? Password, string? ReturnUrl);

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/login", (HttpContext http, string? returnUrl) => SignInPage(http, returnUrl, null, null));
        pages.MapPost("/login", SignInAsync);
        pages.MapPost("/logout", SignOutAsync);
        pages.MapGet("", HomeAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignInAsync(
        HttpContext http, [FromForm] SignInForm form, SignInManager<AuthUser> signIn)
    {
        var errors = new ValidationErrors();
        if (!errors.Check(!string.IsNullOrWhiteSpace(form.Email) && !string.IsNullOrEmpty(form.Password), "email", "Enter your e-mail address and password."))
        {
            return SignInPage(http, form.ReturnUrl, form.Email, errors, StatusCodes.Status400BadRequest);
        }

        var result = await signIn.PasswordSignInAsync(form.Email!.Trim(), form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.LocalRedirect(LocalOrHome(form.ReturnUrl));
        }

        // Lockout says so (the owner needs to know to wait or reset); wrong e-mail and wrong password read the same.
        return result.IsLockedOut
            ? SignInPage(http, form.ReturnUrl, form.Email, errors.Add("email", "This account is locked after too many failed attempts. Try again later or reset your password."), StatusCodes.Status423Locked)
            : SignInPage(http, form.ReturnUrl, form.Email, errors.Add("password", "The e-mail address or password is not correct."), StatusCodes.Status401Unauthorized);
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<AuthUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    private static async Task<ContentHttpResult> HomeAsync(HttpContext http, SignInManager<AuthUser> signIn, UserManager<AuthUser> users)
    {
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        var page = new HtmlPage("Your account");
        return user is null
            ? page.Paragraph("You are not signed in.").Link("/account/login", "Sign in").ToResult()
            : page.Paragraph($"Signed in as {user.DisplayName} ({user.Email}).").Form(http, "/account/logout", "Sign out", []).ToResult();
    }

    private static ContentHttpResult SignInPage(HttpContext http, string? returnUrl, string? email, ValidationErrors? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Sign in")
            .Errors(errors)
            .Form(http, "/account/login", "Sign in",
                [
                    new Field("email", "E-mail address", "email", "username", email, errors?.Has("email") == true),
                    new Field("password", "Password", "password", "current-password", Invalid: errors?.Has("password") == true),
                ],
                new Dictionary<string, string> { ["returnUrl"] = LocalOrHome(returnUrl) })
            .Link("/account/register?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)), "Create an account")
            .Link("/account/forgot-password", "Forgot your password?")
            .ToResult(status);
}
