namespace ECommerce.Messaging.Inbox;

/// <summary>A message a consumer has handled; its key makes a second delivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Handler { get; set; } = "";

    public DateTimeOffset HandledAt { get; set; }
}
