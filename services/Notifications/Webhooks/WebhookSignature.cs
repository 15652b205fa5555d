using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Notifications.Webhooks;

/// <summary>
/// How a delivery is signed (docs/notifications.md, "Verifying a webhook"): <c>X-Webhook-Timestamp</c> is the Unix time
/// in seconds, <c>X-Webhook-Signature</c> is <c>v1=</c> and the lowercase hex of HMAC-SHA256(secret, "{timestamp}.{body}").
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Webhook-Timestamp";
    public const string SignatureHeader = "X-Webhook-Signature";
    public const string IdHeader = "X-Webhook-Id";
    public const string EventHeader = "X-Webhook-Event";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: recompute, compare in constant time, and refuse stale timestamps (replays).</summary>
    public static bool Verify(string secret, string? timestamp, string body, string? signature, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, out var seconds) || signature is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, seconds, body)), Encoding.ASCII.GetBytes(signature));
    }

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
