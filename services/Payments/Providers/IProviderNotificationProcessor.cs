namespace ECommerce.Payments.Providers;

/// <summary>
/// Applies what a provider reports after the fact. The webhook use case implements it; providers that report on their
/// own (the simulated one) call it through this interface, so they never depend on the webhook code.
/// </summary>
public interface IProviderNotificationProcessor
{
    Task<NotificationOutcome> ApplyAsync(ProviderNotification notification, CancellationToken cancellationToken);
}

/// <summary>What became of a notification.</summary>
public enum NotificationOutcome
{
    Applied,

    /// <summary>Its event id was processed before: a replay, nothing changed.</summary>
    Duplicate,

    /// <summary>Not ours, or already reflected in our state (our own capture or refund coming back).</summary>
    Ignored,
}
