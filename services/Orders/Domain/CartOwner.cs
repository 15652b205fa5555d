using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ECommerce.Orders.Domain;

/// <summary>Whose cart: a signed-in customer (their <c>sub</c>) or an anonymous visitor (an unguessable random id).</summary>
public sealed partial record CartOwner(string Key, string? AnonymousId)
{
    public static CartOwner Customer(string customerId) => new($"cart:customer:{customerId}", null);

    public static CartOwner Anonymous(string cartId) => new($"cart:anonymous:{cartId}", cartId);

    /// <summary>256 random bits: a cart id cannot be guessed, so knowing one is the only key to that cart.</summary>
    public static string NewAnonymousId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only ids this service could have issued are accepted, so a client cannot pick a short or crafted key.</summary>
    public static bool IsValidAnonymousId(string? id) => id is not null && AnonymousIdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex AnonymousIdPattern();
}
