using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECommerce.Orders.Clients;

/// <summary>
/// Products' lookup answers <c>available</c> as the units in stock (a number); the agreed contract only named the
/// field, and stand-ins answer a boolean. Either is read as "can be bought": a boolean as is, a count when above zero.
/// Without this every checkout through the real Products failed to read the answer and was refused with 503.
/// </summary>
public sealed class AvailabilityConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.TryGetDecimal(out var units) && units > 0,
        _ => throw new JsonException("available is a boolean or a number of units."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
