namespace ECommerce.Auth.Domain;

/// <summary>An account as its owner or an admin sees it.</summary>
public sealed record AccountSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset CreatedAt);
