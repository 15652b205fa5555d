using ECommerce.Messaging;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Auth.Persistence;

/// <summary>Identity's users and roles, OpenIddict's applications, authorizations and tokens, and the outbox.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityDbContext<AuthUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddMessagingTables();
        builder.Entity<AuthUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
