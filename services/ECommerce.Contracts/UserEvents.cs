using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>A new account exists; Users creates its profile.</summary>
[EventName("UserRegistered")]
public sealed record UserRegistered(string UserId, string Email, string DisplayName) : IntegrationEvent;

/// <summary>An account was deleted; every service anonymises what it holds about the user.</summary>
[EventName("UserDeleted")]
public sealed record UserDeleted(string UserId) : IntegrationEvent;
