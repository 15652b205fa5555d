namespace ECommerce.Notifications.Webhooks;

/// <summary>Section <c>Notifications:Webhooks</c>: the retry schedule and whether private addresses may be called.</summary>
public sealed class WebhookOptions
{
    /// <summary>The first retry's delay; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a delivery is retried after it was queued: 24 hours, then it is marked failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether URLs resolving to loopback, private or link-local addresses are accepted. Null (the default): only in
    /// Development. Outside it they are refused at registration and again at each delivery (DNS may change).
    /// </summary>
    public bool? AllowPrivateAddresses { get; set; }
}
