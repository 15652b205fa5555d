using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Contracts;

/// <summary>
/// The customer id of a guest order and its payment: <c>guest:</c> and the SHA-256 of the normalised e-mail address.
/// The same address always gives the same id, so Orders and Payments each find a guest's rows from an
/// <see cref="EmailVerified"/> alone; the prefix can never be a user id (Auth's ids are GUIDs, Entra's object ids too).
/// </summary>
public static class GuestCustomers
{
    public const string Prefix = "guest:";

    public static string IdFor(string email) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(email))));

    public static bool IsGuest(string customerId) => customerId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Trimmed and lower-cased: e-mail addresses are compared without regard to case, as Identity does.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
