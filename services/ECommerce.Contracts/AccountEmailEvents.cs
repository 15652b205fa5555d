using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>
/// Someone asked to reset the password of an account: Notifications mails <c>ResetUrl</c> to <c>Email</c>. The link holds a
/// single-use token that expires at <c>ExpiresAt</c>; it travels only between Auth's outbox and Notifications.
/// </summary>
[EventName("PasswordResetRequested")]
public sealed record PasswordResetRequested(string UserId, string Email, string ResetUrl, DateTimeOffset ExpiresAt) : IntegrationEvent;

/// <summary>An account's owner must prove they read <c>Email</c>: Notifications mails <c>ConfirmUrl</c> (single use).</summary>
[EventName("EmailConfirmationRequested")]
public sealed record EmailConfirmationRequested(string UserId, string Email, string ConfirmUrl) : IntegrationEvent;
