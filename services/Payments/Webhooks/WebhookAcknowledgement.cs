namespace ECommerce.Payments.Webhooks;

/// <summary>What the webhook endpoint did with an event: applied, duplicate (a replay) or ignored.</summary>
public sealed record WebhookAcknowledgement(string EventId, string Outcome);
