using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Signs and verifies the access token of a guest's order link: <c>{expiry, unix seconds}.{HMAC-SHA256 over order id
/// and expiry, base64url}</c>. Whoever holds the link may read that one order until it expires; a token for another
/// order, an edited expiry or an expired token verifies as false, so the endpoints answer 404 and reveal nothing.
/// </summary>
public sealed class OrderAccessTokens(IOptions<OrderAccessOptions> options, TimeProvider clock)
{
    /// <summary>The request header that carries the token (the query parameter is <see cref="QueryName"/>).</summary>
    public const string HeaderName = "X-Order-Access";

    public const string QueryName = "access";

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("order-access:v1:" + options.Value.SigningKey));

    /// <summary>A token for <paramref name="orderId"/> valid for the configured lifetime, to the second.</summary>
    public OrderAccessGrant Issue(Guid orderId)
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + options.Value.Lifetime).ToUnixTimeSeconds());
        return new OrderAccessGrant(Issue(orderId, expiresAt), expiresAt);
    }

    public string Issue(Guid orderId, DateTimeOffset expiresAt)
    {
        var expiry = expiresAt.ToUnixTimeSeconds();
        return expiry.ToString(CultureInfo.InvariantCulture) + "." + Base64Url.EncodeToString(Mac(orderId, expiry));
    }

    /// <summary>Whether <paramref name="token"/> was issued for <paramref name="orderId"/> and has not expired.</summary>
    public bool Verify(Guid orderId, string? token)
    {
        if (token is not { Length: > 0 and <= 100 } || token.Split('.') is not [var expiryText, var macText]
            || !long.TryParse(expiryText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry <= clock.GetUtcNow().ToUnixTimeSeconds()
            || !Base64Url.IsValid(macText))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(macText), Mac(orderId, expiry));
    }

    /// <summary>The token a request carries, header first, then the query string.</summary>
    public static string? From(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 } header ? header : request.Query[QueryName].FirstOrDefault();

    private byte[] Mac(Guid orderId, long expiry) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{orderId:N}.{expiry.ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>An order link's token and when it stops working.</summary>
public sealed record OrderAccessGrant(string Token, DateTimeOffset ExpiresAt);
