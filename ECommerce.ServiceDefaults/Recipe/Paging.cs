using System.Buffers.Text;
using System.Text.Json;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one paging contract of every list endpoint: the client asks with <c>?cursor=&amp;limit=</c> and receives
/// <c>{ items, next }</c>; <c>next</c> is the cursor of the following page, null on the last. Cursors are opaque to
/// clients (base64url JSON of the service's own position record), so a service may change what it keys on.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Reads and checks <c>cursor</c> and <c>limit</c> query values, recording errors under those names.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The page size: <paramref name="fallback"/> when absent, an error outside 1..<paramref name="max"/>.</summary>
    public static int Limit(int? limit, ValidationErrors errors, int fallback = DefaultLimit, int max = MaxLimit)
    {
        if (limit is null)
        {
            return fallback;
        }

        errors.Check(limit is >= 1 && limit <= max, "limit", $"Must be between 1 and {max}.");
        return Math.Clamp(limit.Value, 1, max);
    }

    /// <summary>Encodes a position as an opaque cursor.</summary>
    public static string Encode<TPosition>(TPosition position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, JsonSerializerOptions.Web));

    /// <summary>Decodes a cursor made by <see cref="Encode{TPosition}"/>; a malformed one is an error under <c>cursor</c>.</summary>
    public static TPosition? Decode<TPosition>(string? cursor, ValidationErrors errors) where TPosition : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            if (cursor.Length <= 1024 && Base64Url.IsValid(cursor))
            {
                return JsonSerializer.Deserialize<TPosition>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Web)
                    ?? throw new JsonException("empty cursor");
            }
        }
        catch (JsonException)
        {
        }

        errors.Add("cursor", "Not a cursor this endpoint returned; start again without one.");
        return null;
    }

    /// <summary>Turns one extra fetched row into the next cursor: fetch <c>limit + 1</c>, pass them here.</summary>
    public static Page<T> From<T, TPosition>(IReadOnlyList<T> fetched, int limit, Func<T, TPosition> position) =>
        fetched.Count > limit
            ? new Page<T>(fetched.Take(limit).ToList(), Encode(position(fetched[limit - 1])))
            : new Page<T>(fetched, null);
}
