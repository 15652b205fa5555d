using ECommerce.Auth.Domain;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Persistence;

/// <summary>Builds the <see cref="AccountSummary"/> the account, registration and admin endpoints answer with.</summary>
public static class AccountSummaries
{
    public static async Task<AccountSummary> OfAsync(AuthUser user, UserManager<AuthUser> users) => new(
        user.Id,
        user.Email ?? "",
        user.DisplayName,
        [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
        user.LockoutEnd > DateTimeOffset.UtcNow,
        user.CreatedAt,
        user.EmailConfirmed);
}
