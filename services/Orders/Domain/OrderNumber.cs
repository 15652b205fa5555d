namespace ECommerce.Orders.Domain;

/// <summary>
/// The order number a customer reads off their order page or e-mail and says on the phone: digits only, from the
/// database's <c>order_numbers</c> sequence when the order is saved, shown in groups of three ("100 245").
/// It is sequential on purpose (see docs/orders.md): short, and never a way in: every order is still reached by its
/// id and its owner or guest token, never by number.
/// Orders placed before it were quoted by the id's last 12 hex digits (<see cref="LegacyOf"/>); the back office still
/// finds them by that, and by the whole id.
/// </summary>
public static class OrderNumber
{
    /// <summary>The sequence's first value: six digits from the first order on.</summary>
    public const long First = 100_001;

    /// <summary>
    /// The sequence's last value (eleven digits), so a number can never be mistaken for the 12-character legacy form.
    /// </summary>
    public const long Last = 99_999_999_999;

    public const string Sequence = "order_numbers";

    /// <summary>The hex tail orders were quoted by before they had numbers.</summary>
    public const int LegacyLength = 12;

    /// <summary>
    /// Groups of three from the right, joined by a no-break space so the number never wraps across lines:
    /// 100245 → "100 245", 1000001 → "1 000 001". The storefront's <c>formatOrderNumber</c> does the same.
    /// </summary>
    public static string Format(long number)
    {
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= 3)
        {
            groups.Insert(0, digits[Math.Max(0, end - 3)..end]);
        }

        return string.Join('\u00A0', groups);
    }

    public static string LegacyOf(Guid id) => id.ToString("N")[^LegacyLength..];

    /// <summary>
    /// What someone typed or pasted to find an order: a number as shown (with or without "#", spaces or dashes), the
    /// legacy 12 hex digits, or the whole id (with or without dashes). Anything else is not an order reference.
    /// </summary>
    public static bool TryParse(string text, out OrderReference reference)
    {
        reference = default;
        var compact = new string([.. text.Trim().TrimStart('#').Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToLowerInvariant();
        if (compact.Length == 0 || !compact.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        if (compact.Length == 32)
        {
            reference = new OrderReference(Guid.ParseExact(compact, "N"), null, null);
            return true;
        }

        if (compact.Length == LegacyLength)
        {
            reference = new OrderReference(null, null, compact);
            return true;
        }

        // Six to eleven digits: the sequence starts at 100001 and stops before twelve digits.
        if (compact.All(char.IsAsciiDigit) && long.TryParse(compact, out var number) && number is >= First and <= Last)
        {
            reference = new OrderReference(null, number, null);
            return true;
        }

        return false;
    }
}

/// <summary>One way of naming an order: exactly one of the whole id, the number, or the legacy hex number is set.</summary>
public readonly record struct OrderReference(Guid? Id, long? Number, string? LegacyNumber);
