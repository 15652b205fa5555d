namespace ECommerce.AI.Apis;

/// <summary>Edge validation shared by the AI endpoints: each failure names its field.</summary>
internal static class Validation
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public static Dictionary<string, string[]> Errors() => new(StringComparer.Ordinal);

    public static Guid? ProductId(string value, Dictionary<string, string[]> errors)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors["productId"] = ["Must be a product id (a non-empty GUID)."];
        return null;
    }

    public static int Limit(int? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (value is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Must be between 1 and {MaxLimit}."];
        }

        return value.Value;
    }

    /// <summary>Anonymous visitor ids come from the storefront: 8–64 letters, digits, '-' or '_'.</summary>
    public static bool IsVisitorId(string? value) =>
        value is { Length: >= 8 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
