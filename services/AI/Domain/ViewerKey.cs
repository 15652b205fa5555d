using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ECommerce.AI.Domain;

/// <summary>
/// The key a viewer's views are stored and read under. A customer's is the token's <c>sub</c>; an anonymous visitor's
/// lives in its own namespace, so no visitor id — not even a customer's id sent as one — can reach a customer's history.
/// </summary>
internal static class ViewerKey
{
    private const string AnonymousPrefix = "anon:";

    public static string Customer(string sub) => sub;

    /// <summary>Hashed so that prefix plus any valid visitor id (up to 64 characters) fits the 64-character column.</summary>
    public static string Anonymous(string visitorId) =>
        AnonymousPrefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(visitorId)));

    /// <summary>Anonymous visitor ids come from the storefront: 8–64 letters, digits, '-' or '_'.</summary>
    public static bool IsVisitorId(string? value) =>
        value is { Length: >= 8 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
