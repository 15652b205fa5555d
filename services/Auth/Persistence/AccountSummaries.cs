using ECommerce.Auth.Data;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Apis;

internal static class Summaries
{
    public static async Task<AccountSummary> OfAsync(AuthUser user, UserManager<AuthUser> users) => new(
        user.Id,
        user.Email ?? "",
        user.DisplayName,
        [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
        user.LockoutEnd > DateTimeOffset.UtcNow,
        user.CreatedAt);
}
