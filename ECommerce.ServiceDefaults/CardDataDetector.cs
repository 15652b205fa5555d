using System.Text.Json;

namespace ECommerce.ServiceDefaults;

/// <summary>
/// Finds card data in a request body: a field whose name says card number or security code, or any value holding a
/// 13–19 digit run (spaces and dashes allowed between digits) that passes the Luhn check. Returns the JSON path of the
/// first hit — never the value, which must not reach a log either. Shared: Payments refuses card data in any request,
/// Orders in the free-text fields of an address.
/// </summary>
public static class CardDataDetector
{
    private static readonly HashSet<string> CardFieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "number", "cardnumber", "card", "pan", "primaryaccountnumber", "cvc", "cvv", "cvc2", "cvv2", "cvn", "securitycode", "cardsecuritycode",
    };

    public static string? FindInJson(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            return Find(document.RootElement, "$");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON after all, or a string that is not Unicode (a lone surrogate escape makes GetString throw
            // InvalidOperationException, which was a 500): the endpoint's own binding reports that; here only the raw text is checked.
            return FindInText(System.Text.Encoding.UTF8.GetString(json)) ? "$" : null;
        }
    }

    public static bool IsCardFieldName(string name) =>
        CardFieldNames.Contains(name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));

    /// <summary>True when the text holds a PAN-like digit run that passes Luhn.</summary>
    public static bool FindInText(string text)
    {
        Span<int> digits = stackalloc int[19];
        var count = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    // A run longer than any card number: not a PAN (an id, a timestamp pair); skip to its end.
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }

                    count = 0;
                    continue;
                }

                digits[count++] = c - '0';
            }
            else if ((c == ' ' || c == '-') && count > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                // Separators inside a number as people type it: "4242 4242 4242 4242".
            }
            else
            {
                if (count >= 13 && PassesLuhn(digits[..count]))
                {
                    return true;
                }

                count = 0;
            }
        }

        return false;
    }

    public static bool PassesLuhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = $"{path}.{property.Name}";
                    if (IsCardFieldName(property.Name) && property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False))
                    {
                        return childPath;
                    }

                    if (Find(property.Value, childPath) is { } hit)
                    {
                        return hit;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } hit)
                    {
                        return hit;
                    }
                }

                return null;
            case JsonValueKind.String:
                return FindInText(element.GetString()!) ? path : null;
            case JsonValueKind.Number:
                return FindInText(element.GetRawText()) ? path : null;
            default:
                return null;
        }
    }
}
