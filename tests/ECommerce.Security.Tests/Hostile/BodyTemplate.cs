namespace ECommerce.Security.Tests.Hostile;

/// <summary>What a field holds, which decides the hostile values that must be refused in it.</summary>
public enum FieldKind
{
    /// <summary>Free text with a length limit: wrong types, far too long, NUL, lone surrogates.</summary>
    Text,

    /// <summary>A value with a format (email, currency, country, postcode, slug, payment method): Text's cases plus injection, RTL/zero-width and traversal.</summary>
    Format,

    /// <summary>A positive quantity with a cap: -1, 0, int.MaxValue, overflow, 1e309, fractions, strings.</summary>
    Quantity,

    /// <summary>A non-negative count without a business cap: -1, overflow, 1e309, fractions, strings.</summary>
    Count,

    /// <summary>A signed change (stock delta): int.MaxValue (overflows the stock), overflow, 1e309, fractions, strings.</summary>
    Delta,

    /// <summary>A money amount with a cap: -1, int.MaxValue, 1e309, too many decimals, strings.</summary>
    Price,

    /// <summary>An amount in minor units (long): -1, long overflow, 1e309, fractions, strings.</summary>
    MinorAmount,

    /// <summary>A GUID: not a GUID, a number, empty, the empty GUID, injection.</summary>
    Identifier,
    GuidList,

    /// <summary>A list of names from a fixed set (webhook event types): not a list, names nobody knows, injection, NUL, a huge list.</summary>
    NameList,
    Bool,
}

/// <summary>
/// A valid request body for one endpoint (JSON; <c>{product}</c>, <c>{order}</c> are replaced by the seeded ids) and
/// the fields the hostile suite mutates one at a time, by JSON path (<c>lines[0].quantity</c>).
/// </summary>
public sealed record BodyTemplate(string Json, IReadOnlyDictionary<string, FieldKind> Fields, IReadOnlyDictionary<string, string>? Headers = null);
