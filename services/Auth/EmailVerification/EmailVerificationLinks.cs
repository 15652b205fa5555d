using System.Text;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ECommerce.Auth.EmailVerification;

/// <summary>Mails an account's owner the link that proves they read the address (Identity's e-mail confirmation token).</summary>
public sealed class EmailVerificationLinks(UserManager<AuthUser> users, IEmailSender<AuthUser> email, IOptions<AuthOptions> options)
{
    public async Task SendAsync(HttpContext http, AuthUser user)
    {
        if (user.EmailConfirmed || user.Email is null)
        {
            return;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        // The configured public issuer, never the request's Host (which a caller controls), as for password reset.
        var origin = options.Value.Issuer is { Length: > 0 } issuer
            ? issuer.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var link = $"{origin}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&token={token}";
        await email.SendConfirmationLinkAsync(user, user.Email, link);
    }

    /// <summary>The token as Identity issued it, or null when the link was mangled.</summary>
    public static string? DecodeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
