using System.Text;
using ECommerce.Auth.Options;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.Auth.Email;

/// <summary>
/// What every mailed account link (password reset, e-mail confirmation) shares: the site it points at and how
/// Identity's token travels in it (base64url of its UTF-8 bytes).
/// </summary>
public static class AccountLinks
{
    /// <summary>
    /// The configured public issuer, never the request's Host when one is set: a caller controls that header (and the
    /// gateway forwards it), so trusting it would let an attacker mail a victim a link to the attacker's own site.
    /// </summary>
    public static string Origin(AuthOptions options, HttpRequest request) => options.Issuer is { Length: > 0 } issuer
        ? issuer.TrimEnd('/')
        : $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token as Identity issued it, or null when the link was mangled (or longer than <paramref name="maxLength"/>).</summary>
    public static string? DecodeToken(string? token, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > maxLength)
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
