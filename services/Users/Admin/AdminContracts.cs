namespace ECommerce.Users.Admin;

/// <summary>One row of the admin's user list.</summary>
public sealed record UserSummary(string UserId, string Email, string DisplayName, int AddressCount, DateTimeOffset CreatedAt);

/// <summary>A page of users, newest first.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> Items, int Page, int PageSize, int Total);
