using System.Text;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ECommerce.Auth.PasswordReset;

/// <summary>Issues password-reset links by e-mail. Unknown addresses get no mail and the same answer as known ones.</summary>
public sealed class PasswordResetLinks(UserManager<AuthUser> users, IEmailSender<AuthUser> email, IOptions<AuthOptions> options)
{
    public async Task SendAsync(HttpContext http, string address)
    {
        var user = await users.FindByEmailAsync(address.Trim());
        if (user is null)
        {
            return;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        // The configured public issuer, never the request's Host: a caller controls that header (and the gateway
        // forwards it), so trusting it would let an attacker mail a victim a reset link to the attacker's own site.
        var origin = options.Value.Issuer is { Length: > 0 } issuer
            ? issuer.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var link = $"{origin}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}";
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
