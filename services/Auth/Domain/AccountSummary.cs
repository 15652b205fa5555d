namespace ECommerce.Auth.Apis;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);

/// <summary>An account as its owner or an admin sees it.</summary>
public sealed record AccountSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset CreatedAt);

public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Total, int Page, int PageSize);
