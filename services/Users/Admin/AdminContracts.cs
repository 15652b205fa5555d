namespace ECommerce.Users.Admin;

/// <summary>One row of the admin's user list.</summary>
public sealed record UserSummary(string UserId, string Email, string DisplayName, int AddressCount, DateTimeOffset CreatedAt);

/// <summary>A page of users, newest first, in the <see cref="Page{T}"/> shape, with how many match the search beside it.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> Items, string? Next, int Total);

/// <summary>Where a page of users ended: the last row's creation time and id.</summary>
public sealed record UserCursor(DateTimeOffset CreatedAt, string UserId);
