namespace ECommerce.Auth.Apis;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);

/// <summary>An account as its owner or an admin sees it.</summary>
public sealed record AccountSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>A page of accounts by email, in the Page shape (items, next), with how many match the search beside it.</summary>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, string? Next, int Total);

/// <summary>Where a page of accounts ended: the last row's email and id.</summary>
public sealed record AccountCursor(string? Email, string Id);
