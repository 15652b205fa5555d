using ECommerce.Auth.Email;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;
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

        var token = AccountLinks.EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = $"{AccountLinks.Origin(options.Value, http.Request)}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&token={token}";
        await email.SendConfirmationLinkAsync(user, user.Email, link);
    }

    /// <summary>The token as Identity issued it, or null when the link was mangled.</summary>
    public static string? DecodeToken(string? token) => AccountLinks.DecodeToken(token, maxLength: 2000);
}
