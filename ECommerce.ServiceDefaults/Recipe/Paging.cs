using System.Buffers.Text;
using System.Text.Json;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The page every list endpoint answers with: <c>{ items, next }</c>, where <c>next</c> is the opaque cursor of the
/// following page and null on the last. The caller asks with the query values <c>cursor</c> (a <c>next</c> it was
/// given) and <c>limit</c>. An endpoint with more to say about the whole result (Products' facets) answers a record
/// of its own with these two fields beside the others.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Reads and checks the <c>limit</c> and <c>cursor</c> query values, recording an error under that name.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const int MaxCursorLength = 512;

    /// <summary>The page size: <paramref name="fallback"/> when absent, an error outside 1..<paramref name="max"/>.</summary>
    public static int Limit(int? limit, ValidationErrors errors, int fallback = DefaultLimit, int max = MaxLimit)
    {
        if (limit is null)
        {
            return fallback;
        }

        errors.Check(limit >= 1 && limit <= max, "limit", $"Must be between 1 and {max}.");
        return Math.Clamp(limit.Value, 1, max);
    }

    /// <summary>An opaque cursor for a keyset position (base64url JSON): what <c>next</c> carries.</summary>
    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, JsonSerializerOptions.Web));

    /// <summary>The position a <c>cursor</c> carries: null when absent, an error under <c>cursor</c> when it is not one this API returned.</summary>
    public static T? Cursor<T>(string? cursor, ValidationErrors errors) where T : class
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            if (cursor.Length <= MaxCursorLength && JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Web) is { } position)
            {
                return position;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        errors.Add("cursor", "The cursor is not one this API returned.");
        return null;
    }
}
