using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ECommerce.Products.Search;

/// <summary>
/// Where the previous page ended: the sort it belongs to, the last item's sort key and id. Keyset paging stays stable
/// while products are inserted, unlike offsets. Opaque to clients (base64url JSON).
/// </summary>
public sealed record PageCursor(ProductSort Sort, string Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web));

    public static bool TryDecode(string value, out PageCursor? cursor)
    {
        cursor = null;
        try
        {
            cursor = JsonSerializer.Deserialize<PageCursor>(Base64Url.DecodeFromChars(value), JsonSerializerOptions.Web);
            return cursor is { Key: not null };
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web));
}
