namespace ECommerce.Notifications.Domain;

/// <summary>
/// What Notifications remembers of an account, from UserRegistered: enough to write to it after Users has forgotten it
/// (the "account deleted" mail). Forgotten once that mail is queued.
/// </summary>
public sealed class Contact
{
    public string UserId { get; set; } = "";

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The last language preference read from Users, for mails sent when Users can no longer tell.</summary>
    public string? Language { get; set; }
}
