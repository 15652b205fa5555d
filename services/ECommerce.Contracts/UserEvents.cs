using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>A new account exists; Users creates its profile.</summary>
[EventName("UserRegistered")]
public sealed record UserRegistered(string UserId, string Email, string DisplayName) : IntegrationEvent;

/// <summary>An account was deleted; every service anonymises what it holds about the user.</summary>
[EventName("UserDeleted")]
public sealed record UserDeleted(string UserId) : IntegrationEvent;

/// <summary>
/// The account's owner proved they read <see cref="Email"/> (Identity's confirmation link). Orders and Payments move the
/// guest orders and payments placed with that address (<see cref="GuestCustomers.IdFor"/>) to the account.
/// </summary>
[EventName("EmailVerified")]
public sealed record EmailVerified(string UserId, string Email) : IntegrationEvent;
