using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Reads JSON strings that every store can hold. A NUL character cannot be stored in PostgreSQL text (error 22021) and a
/// lone surrogate (<c>"\ud800"</c>) is not Unicode at all: System.Text.Json throws InvalidOperationException for the
/// latter and lets the former through to the database, and both ended as 500s. As JsonException they become the
/// 400 problem naming the field that every other unreadable value gets.
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a string.");
        }

        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("The string is not valid Unicode.", e);
        }

        return value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("The string contains a NUL character.") : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
