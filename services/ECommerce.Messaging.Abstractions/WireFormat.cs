using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ECommerce.Messaging;

/// <summary>How an event travels: JSON (web defaults) and string headers carrying its name, schema version and trace context.</summary>
public static class WireFormat
{
    public const string TypeHeader = "type";
    public const string SchemaVersionHeader = "schema-version";
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Body(IntegrationEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Json);

    public static Dictionary<string, string> Headers(IntegrationEvent @event)
    {
        var headers = new Dictionary<string, string>
        {
            [TypeHeader] = MessageNames.OfEvent(@event.GetType()),
            [SchemaVersionHeader] = @event.SchemaVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (Activity.Current is { } activity)
        {
            headers[TraceParentHeader] = activity.Id!;
            if (activity.TraceStateString is { } state)
            {
                headers[TraceStateHeader] = state;
            }
        }

        return headers;
    }
}
