namespace ECommerce.Orders.Apis;

/// <summary>
/// The back office finds an order by the start of its id, the "order number" a customer reads off their order page
/// (its first 8 hex digits). A prefix is a range of uuids, [prefix000…, prefixfff…], which PostgreSQL answers from
/// the primary key; uuids compare byte by byte, in the order of their hex text.
/// </summary>
public static class OrderNumberPrefix
{
    public static bool TryParse(string text, out (Guid Low, Guid High) range)
    {
        range = default;
        var hex = text.Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (hex.Length is 0 or > 32 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        range = (Guid.ParseExact(hex.PadRight(32, '0'), "N"), Guid.ParseExact(hex.PadRight(32, 'f'), "N"));
        return true;
    }
}
