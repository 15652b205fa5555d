using ECommerce.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Auth.Persistence;

/// <summary>
/// Identity's users and roles, OpenIddict's applications, authorizations and tokens, the outbox, and the Data Protection
/// key ring (<see cref="DataProtectionKeys"/>) that every replica reads, so what one protects another can unprotect.
/// </summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityDbContext<AuthUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddMessagingTables();
        builder.Entity<AuthUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
