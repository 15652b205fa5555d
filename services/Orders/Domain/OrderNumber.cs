namespace ECommerce.Orders.Domain;

/// <summary>
/// The short order number a customer reads off their order page and quotes to the store: the last 12 hex digits of
/// the order's id. Ids are UUIDv7, whose leading digits are a timestamp shared by every order of the same minute; the
/// tail is 48 random bits, so it tells orders apart. The back office finds an order by that number or by its whole id.
/// </summary>
public static class OrderNumber
{
    public const int Length = 12;

    public static string Of(Guid id) => id.ToString("N")[^Length..];

    /// <summary>A whole id (with or without dashes) or a number; anything else is not an order number.</summary>
    public static bool TryParse(string text, out Guid? id, out string? number)
    {
        id = null;
        number = null;
        var hex = text.Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (!hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        if (hex.Length == 32)
        {
            id = Guid.ParseExact(hex, "N");
            return true;
        }

        if (hex.Length == Length)
        {
            number = hex;
            return true;
        }

        return false;
    }
}
