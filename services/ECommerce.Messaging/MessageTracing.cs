using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ECommerce.Messaging.Transport;

namespace ECommerce.Messaging;

/// <summary>
/// The broker hop in a trace. The outbox row keeps the trace context of the request (or handled message) that wrote it;
/// the dispatcher's "X publish" span continues that trace and becomes the parent the consumer's "X process" span
/// continues, so a checkout reads as one trace from the gateway to Paid. Spans carry the message type, id and, where the
/// event has one, the order id (never personal data), following OpenTelemetry's messaging conventions.
/// </summary>
public static class MessageTracing
{
    public const string OrderIdTag = "ecommerce.order.id";

    /// <summary>
    /// Starts the producer span of one outbox message and points the message's trace headers at it. The span is not
    /// made current: a batch sends many messages of different traces in one call.
    /// </summary>
    public static Activity? StartPublish(string topic, Guid messageId, string type, string body, Dictionary<string, string> headers, string system)
    {
        var parent = ParentOf(headers);
        var previous = Activity.Current;
        var activity = MessagingMetrics.ActivitySource.StartActivity($"{type} publish", ActivityKind.Producer, parent);
        Activity.Current = previous;
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("messaging.system", system);
        activity.SetTag("messaging.operation.type", "send");
        activity.SetTag("messaging.destination.name", topic);
        Describe(activity, messageId, type, body);
        headers[MessageHeaders.TraceParent] = activity.Id!;
        if (activity.TraceStateString is { } state)
        {
            headers[MessageHeaders.TraceState] = state;
        }

        return activity;
    }

    /// <summary>Starts (and makes current) the consumer span of one delivery, continuing the publisher's trace.</summary>
    public static Activity? StartProcess(ReceivedMessage received)
    {
        var message = received.Message;
        var activity = MessagingMetrics.ActivitySource.StartActivity($"{message.Type} process", ActivityKind.Consumer, ParentOf(message.Headers));
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("messaging.operation.type", "process");
        activity.SetTag("messaging.destination.name", received.Topic);
        activity.SetTag("messaging.destination.subscription.name", received.Subscription);
        activity.SetTag("messaging.message.delivery_count", received.DeliveryCount);
        Describe(activity, message.MessageId, message.Type, message.Body);
        return activity;
    }

    /// <summary>Ends a span the caller started but did not make current, leaving the current span as it was.</summary>
    public static void Stop(Activity? activity, Exception? error = null)
    {
        if (activity is null)
        {
            return;
        }

        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.AddException(error);
        }

        var previous = Activity.Current;
        activity.Stop();
        Activity.Current = previous;
    }

    /// <summary>The event's top-level "orderId", read without deserialising the body; null when it has none.</summary>
    public static string? OrderIdOf(string body)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isOrderId = reader.ValueTextEquals("orderId"u8);
                reader.Read();
                if (isOrderId && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A malformed body fails in its handler, with its own error; the span simply has no order id.
        }

        return null;
    }

    private static void Describe(Activity activity, Guid messageId, string type, string body)
    {
        activity.SetTag("messaging.message.id", messageId.ToString());
        activity.SetTag("messaging.message.type", type);
        if (OrderIdOf(body) is { } orderId)
        {
            activity.SetTag(OrderIdTag, orderId);
        }
    }

    private static ActivityContext ParentOf(IReadOnlyDictionary<string, string> headers)
    {
        ActivityContext.TryParse(headers.GetValueOrDefault(MessageHeaders.TraceParent), headers.GetValueOrDefault(MessageHeaders.TraceState), out var parent);
        return parent;
    }
}
