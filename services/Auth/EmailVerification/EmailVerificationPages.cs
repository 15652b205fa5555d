using ECommerce.Auth.Html;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Auth.EmailVerification;

/// <summary>
/// The page the mailed link opens: a button that confirms. Confirming takes a POST, so a mail scanner that fetches
/// every link does not verify an address on the owner's behalf.
/// </summary>
internal static class EmailVerificationPages
{
    public sealed record ConfirmForm(string? UserId, string? Token);

    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/confirm-email", (HttpContext http, string? userId, string? token) => ConfirmPage(http, new ConfirmForm(userId, token), null));
        pages.MapPost("/confirm-email", ConfirmAsync);
    }

    private static async Task<ContentHttpResult> ConfirmAsync(HttpContext http, [FromForm] ConfirmForm form, AccountService accounts)
    {
        var token = EmailVerificationLinks.DecodeToken(form.Token);
        var confirmed = form.UserId is { Length: > 0 and <= 450 } && token is not null
            ? await accounts.ConfirmEmailAsync(form.UserId, token, http.RequestAborted)
            : AccountResult.Failed("token", "The verification link is invalid or has expired.");
        return confirmed.Succeeded
            ? new HtmlPage("E-mail address verified").Paragraph("Thank you: your e-mail address is verified, and orders you placed with it as a guest are now in your account.", "status").Link("/", "Back to the shop").ToResult()
            : ConfirmPage(http, form, confirmed.Errors, StatusCodes.Status400BadRequest);
    }

    private static ContentHttpResult ConfirmPage(HttpContext http, ConfirmForm form, ValidationErrors? errors, int status = StatusCodes.Status200OK) =>
        new HtmlPage("Verify your e-mail address")
            .Errors(errors)
            .Form(http, "/account/confirm-email", "Verify my address", [],
                new Dictionary<string, string> { ["userId"] = form.UserId ?? "", ["token"] = form.Token ?? "" })
            .ToResult(status);
}
