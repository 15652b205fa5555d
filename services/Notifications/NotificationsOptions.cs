using System.ComponentModel.DataAnnotations;

namespace ECommerce.Notifications;

/// <summary>Section <c>Notifications</c>: links in mails and the sender's pace.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The storefront's public address, for "view your order" links (the gateway's URL); none → no order links.</summary>
    public Uri? StorefrontUrl { get; set; }

    /// <summary>How often the sender looks for due mails.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry's delay; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a mail is given up (failed); with the defaults about a day of retries.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 30;
}
