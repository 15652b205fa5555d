using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Testing;

/// <summary>
/// Signed access tokens for service tests that run without the Auth service: the same claims the Auth service issues
/// (<c>sub</c>, <c>role</c>, <c>email</c>, <c>name</c>, audience <see cref="Audience"/>), signed by a key made for
/// this test run. <see cref="TrustTestTokens"/> points a service's JwtBearer validation at that key.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://auth.test/";
    public const string Audience = "ecommerce-api";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>A key no service trusts, for wrong-signature tests.</summary>
    public static readonly RsaSecurityKey ForeignKey = new(RSA.Create(2048)) { KeyId = "foreign-key" };

    public static string Customer(string userId, string? email = null) => Issue(userId, ["customer"], email);

    public static string Admin(string userId = "admin-1") => Issue(userId, ["admin", "customer"]);

    public static string Issue(
        string userId,
        IEnumerable<string> roles,
        string? email = null,
        DateTimeOffset? expires = null,
        string audience = Audience,
        SecurityKey? signingKey = null)
    {
        var claims = new List<Claim>
        {
            new("sub", userId),
            new("email", email ?? $"{userId}@example.test"),
            new("name", userId),
        };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var expiry = expires ?? DateTimeOffset.UtcNow.AddMinutes(30);
        // An already-expired token still needs a validity window that starts before it ends.
        var notBefore = new[] { DateTimeOffset.UtcNow.AddMinutes(-5), expiry.AddHours(-1) }.Min();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expiry.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Makes the service's bearer validation trust this run's test key instead of fetching an authority's JWKS.</summary>
    public static IServiceCollection TrustTestTokens(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Authority = null;
            options.MetadataAddress = null!;
            options.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration { Issuer = Issuer };
            options.Configuration.SigningKeys.Add(Key);
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.ValidAudience = Audience;
            options.TokenValidationParameters.IssuerSigningKey = Key;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(5);
        });
}
