using System.Text;
using ECommerce.Auth.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.Auth.Accounts;

/// <summary>Issues password-reset links by e-mail. Unknown addresses get no mail and the same answer as known ones.</summary>
public sealed class PasswordResetLinks(UserManager<AuthUser> users, IEmailSender<AuthUser> email)
{
    public async Task SendAsync(HttpContext http, string address)
    {
        var user = await users.FindByEmailAsync(address.Trim());
        if (user is null)
        {
            return;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        // The request's public origin: forwarded headers make it the gateway's, which is what the user's browser knows.
        var link = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/account/reset-password"
            + $"?email={Uri.EscapeDataString(user.Email!)}&token={token}";
        await email.SendPasswordResetLinkAsync(user, user.Email!, link);
    }

    /// <summary>The token as Identity issued it, or null when the link was mangled.</summary>
    public static string? DecodeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
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
