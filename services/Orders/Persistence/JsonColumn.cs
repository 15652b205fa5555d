using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ECommerce.Orders.Persistence;

/// <summary>A list kept in one jsonb column (an order's tax lines, a shipping method's bands), compared by content.</summary>
internal static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>() where T : new() => new(
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
        json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web) ?? new T());

    public static ValueComparer<T> Comparer<T>() where T : new() => new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web) ?? new T());
}
