using ECommerce.Auth.Email;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;
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

        var token = AccountLinks.EncodeToken(await users.GeneratePasswordResetTokenAsync(user));
        var link = $"{AccountLinks.Origin(options.Value, http.Request)}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}";
        await email.SendPasswordResetLinkAsync(user, user.Email!, link);
    }

    /// <summary>The token as Identity issued it, or null when the link was mangled.</summary>
    public static string? DecodeToken(string? token) => AccountLinks.DecodeToken(token);
}
