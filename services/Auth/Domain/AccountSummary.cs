namespace ECommerce.Auth.Domain;

/// <summary>An account as its owner or an admin sees it; <see cref="EmailVerified"/> once the owner followed the mailed link.</summary>
public sealed record AccountSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset CreatedAt, bool EmailVerified = false);
