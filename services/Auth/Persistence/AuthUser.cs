using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Persistence;

/// <summary>An account: Identity's credentials, lockout and security stamp, plus the name shown in tokens.</summary>
public sealed class AuthUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
