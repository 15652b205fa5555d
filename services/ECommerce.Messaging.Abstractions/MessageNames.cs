using System.Reflection;

namespace ECommerce.Messaging;

/// <summary>Reads the stable names of events and handlers, and refuses a type without one or two types sharing one.</summary>
public static class MessageNames
{
    /// <summary>The <see cref="EventNameAttribute"/> name of an event type.</summary>
    public static string OfEvent(Type eventType) =>
        eventType.GetCustomAttribute<EventNameAttribute>()?.Name is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"Event {eventType.FullName} has no [EventName(\"…\")]: every event needs a stable name on the wire.");

    /// <summary>The <see cref="HandlerNameAttribute"/> name of a handler type.</summary>
    public static string OfHandler(Type handlerType) =>
        handlerType.GetCustomAttribute<HandlerNameAttribute>()?.Name is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"Handler {handlerType.FullName} has no [HandlerName(\"…\")]: every handler needs a stable inbox key.");

    /// <summary>Throws when two distinct types share a name (which would mix their messages or their inbox rows).</summary>
    public static void EnsureUnique(IEnumerable<Type> types, Func<Type, string> nameOf, string kind)
    {
        var clashes = types.Distinct().GroupBy(nameOf).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' ({string.Join(", ", g.Select(t => t.FullName))})").ToList();
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException($"Two {kind}s share a name: {string.Join("; ", clashes)}. Each needs a name of its own.");
        }
    }
}
