using System.Text;
using ECommerce.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Security.Tests.Hosting;

/// <summary>Access tokens that differ from a genuine admin token in exactly one respect, each of which must be refused.</summary>
public static class ForgedTokens
{
    public static IEnumerable<(string Attack, string Token)> All()
    {
        yield return ("alg none", AlgNone(TestTokens.Admin("forger")));
        yield return ("wrong key", TestTokens.Issue("forger", ["admin", "customer"], signingKey: TestTokens.ForeignKey));
        yield return ("expired", TestTokens.Issue("forger", ["admin", "customer"], expires: DateTimeOffset.UtcNow.AddMinutes(-10)));
        yield return ("wrong audience", TestTokens.Issue("forger", ["admin", "customer"], audience: "another-api"));
        yield return ("payload changed after signing", Promoted(TestTokens.Customer("forger")));
        yield return ("not a JWT", "not.a.jwt");
    }

    /// <summary>The same claims, unsigned, with <c>alg: none</c> in the header.</summary>
    private static string AlgNone(string token)
    {
        var parts = token.Split('.');
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"))}.{parts[1]}.";
    }

    /// <summary>A customer's genuine signature over a payload that now says admin.</summary>
    private static string Promoted(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("\"role\":\"customer\"", "\"role\":[\"customer\",\"admin\"]", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }
}
