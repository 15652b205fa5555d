using ECommerce.Auth.Accounts;
using ECommerce.Auth.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static ECommerce.Auth.Pages.HtmlPage;

namespace ECommerce.Auth.Pages;

/// <summary>Sign-in, sign-up and sign-out pages the authorization endpoint sends browsers to. Forms carry antiforgery tokens.</summary>
public static class AccountPages
{
    public sealed record SignInForm(string? Email, string? Password, string? ReturnUrl);

    public sealed record SignUpForm(string? Email, string? DisplayName, string? Password, string? ReturnUrl);

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/login", (HttpContext http, string? returnUrl) => SignInPage(http, returnUrl, null, null));
        pages.MapPost("/login", SignInAsync);
        pages.MapGet("/register", (HttpContext http, string? returnUrl) => SignUpPage(http, new SignUpForm(null, null, null, returnUrl), null));
        pages.MapPost("/register", SignUpAsync);
        pages.MapPost("/logout", SignOutAsync);
        pages.MapGet("", HomeAsync);
        PasswordResetPages.Map(pages);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignInAsync(
        HttpContext http, [FromForm] SignInForm form, SignInManager<AuthUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
        {
            return SignInPage(http, form.ReturnUrl, form.Email, new() { ["email"] = ["Enter your e-mail address and password."] }, StatusCodes.Status400BadRequest);
        }

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.LocalRedirect(LocalOrHome(form.ReturnUrl));
        }

        // Lockout says so (the owner needs to know to wait or reset); wrong e-mail and wrong password read the same.
        return result.IsLockedOut
            ? SignInPage(http, form.ReturnUrl, form.Email, new() { ["email"] = ["This account is locked after too many failed attempts. Try again later or reset your password."] }, StatusCodes.Status423Locked)
            : SignInPage(http, form.ReturnUrl, form.Email, new() { ["password"] = ["The e-mail address or password is not correct."] }, StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignUpAsync(
        HttpContext http, [FromForm] SignUpForm form, AccountService accounts, SignInManager<AuthUser> signIn)
    {
        var errors = AccountValidation.Registration(form.Email, form.Password, form.DisplayName);
        if (errors.Count > 0)
        {
            return SignUpPage(http, form, errors, StatusCodes.Status400BadRequest);
        }

        var registered = await accounts.RegisterAsync(form.Email!, form.Password!, form.DisplayName!, http.RequestAborted);
        if (!registered.Succeeded)
        {
            return SignUpPage(http, form, registered.Errors, StatusCodes.Status400BadRequest);
        }

        await signIn.SignInAsync(registered.User!, isPersistent: false);
        return TypedResults.LocalRedirect(LocalOrHome(form.ReturnUrl));
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

    private static ContentHttpResult SignInPage(HttpContext http, string? returnUrl, string? email, Dictionary<string, string[]>? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Sign in")
            .Errors(errors)
            .Form(http, "/account/login", "Sign in",
                [
                    new Field("email", "E-mail address", "email", "username", email, errors?.ContainsKey("email") == true),
                    new Field("password", "Password", "password", "current-password", Invalid: errors?.ContainsKey("password") == true),
                ],
                new Dictionary<string, string> { ["returnUrl"] = LocalOrHome(returnUrl) })
            .Link("/account/register?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)), "Create an account")
            .Link("/account/forgot-password", "Forgot your password?")
            .ToResult(status);

    private static ContentHttpResult SignUpPage(HttpContext http, SignUpForm form, Dictionary<string, string[]>? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Create an account")
            .Errors(errors)
            .Form(http, "/account/register", "Create account",
                [
                    new Field("email", "E-mail address", "email", "email", form.Email, errors?.ContainsKey("email") == true),
                    new Field("displayName", "Your name", "text", "name", form.DisplayName, errors?.ContainsKey("displayName") == true),
                    new Field("password", "Password (at least 10 characters)", "password", "new-password", Invalid: errors?.ContainsKey("password") == true),
                ],
                new Dictionary<string, string> { ["returnUrl"] = LocalOrHome(form.ReturnUrl) })
            .Link("/account/login?returnUrl=" + Uri.EscapeDataString(LocalOrHome(form.ReturnUrl)), "I already have an account")
            .ToResult(status);

    /// <summary>
    /// Only same-site paths: an open redirect would let a phishing link bounce through our sign-in page. Control
    /// characters are refused too: browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example"
    /// (and LocalRedirect throws on them, which answered 500 after sign-up had already created the account).
    /// </summary>
    internal static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : "/account";
}
