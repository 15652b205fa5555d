namespace ECommerce.Messaging;

/// <summary>
/// The event's stable name: its topic, queue and subscription filter name and the <c>type</c> header. Renaming or
/// moving the class does not change it; changing it strands the messages and subscriptions of a deployed system.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The handler's stable name: the key of its inbox rows. Renaming or moving the class does not change it; changing it
/// makes the inbox forget what the handler already handled.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HandlerNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
