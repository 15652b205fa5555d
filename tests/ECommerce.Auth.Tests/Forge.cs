using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Tests;

/// <summary>Access tokens made by hand, each differing from a genuine one in exactly one respect.</summary>
public static class Forge
{
    public static string Token(
        AuthFixture auth, string subject, string[] roles, SecurityKey? key = null, string audience = "ecommerce-api",
        DateTime? expires = null, string? issuer = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? auth.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(r => new Claim("role", r))]),
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key ?? auth.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims, unsigned, with <c>alg: none</c> in the header.</summary>
    public static string WithAlgNone(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"at+jwt\"}"));
        return $"{header}.{parts[1]}.";
    }

    /// <summary>The genuine signature over a payload changed afterwards (a customer promoting themselves).</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"role\":\"customer\"", "\"role\":[\"customer\",\"admin\"]", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }
}
