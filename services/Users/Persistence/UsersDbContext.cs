using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Persistence;

/// <summary>The <c>usersdb</c> database: profiles (with preferences), addresses, wishlists, deletion tombstones, outbox and inbox.</summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    public DbSet<UserProfile> Profiles => Set<UserProfile>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<DeletedUser> DeletedUsers => Set<DeletedUser>();

    public DbSet<WishlistItem> WishlistItems => Set<WishlistItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserProfile>(profile =>
        {
            profile.ToTable("profiles");
            profile.HasKey(p => p.UserId);
            profile.Property(p => p.UserId).HasMaxLength(UserProfile.MaxUserIdLength);
            profile.Property(p => p.Email).HasMaxLength(UserProfile.MaxEmailLength);
            profile.Property(p => p.DisplayName).HasMaxLength(UserProfile.MaxDisplayNameLength);
            profile.Property(p => p.Phone).HasMaxLength(32);
            profile.ComplexProperty(p => p.Preferences, preferences =>
            {
                preferences.Property(p => p.Currency).HasColumnName("preferred_currency").HasMaxLength(3);
                preferences.Property(p => p.Language).HasColumnName("preferred_language").HasMaxLength(35);
                preferences.Property(p => p.Newsletter).HasColumnName("newsletter");
            });
            profile.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            // The admin list pages newest first.
            profile.HasIndex(p => new { p.CreatedAt, p.UserId });
        });

        modelBuilder.Entity<Address>(address =>
        {
            address.ToTable("addresses");
            address.HasKey(a => a.Id);
            address.Property(a => a.UserId).HasMaxLength(UserProfile.MaxUserIdLength);
            address.Property(a => a.Label).HasMaxLength(50);
            address.Property(a => a.Recipient).HasMaxLength(100);
            address.Property(a => a.Line1).HasMaxLength(200);
            address.Property(a => a.Line2).HasMaxLength(200);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.Postcode).HasMaxLength(10);
            address.Property(a => a.Region).HasMaxLength(100);
            address.Property(a => a.Country).HasMaxLength(2).IsFixedLength();
            address.Property(a => a.Phone).HasMaxLength(32);
            // One default of each kind per user, enforced by the database so concurrent requests cannot both win.
            address.HasIndex(a => a.UserId, "addresses_one_default_shipping").IsUnique().HasFilter("is_default_shipping");
            address.HasIndex(a => a.UserId, "addresses_one_default_billing").IsUnique().HasFilter("is_default_billing");
            // Every query is "this user's addresses", listed in the order they were added.
            address.HasIndex(a => new { a.UserId, a.CreatedAt }, "addresses_by_user");
        });

        modelBuilder.Entity<DeletedUser>(deleted =>
        {
            deleted.ToTable("deleted_users");
            deleted.HasKey(d => d.UserId);
            deleted.Property(d => d.UserId).HasMaxLength(UserProfile.MaxUserIdLength);
        });

        modelBuilder.Entity<WishlistItem>(item =>
        {
            item.ToTable("wishlist_items");
            // One row per product per customer: saving twice is the same row (and the merge's ON CONFLICT relies on it).
            item.HasKey(w => new { w.UserId, w.ProductId });
            item.Property(w => w.UserId).HasMaxLength(UserProfile.MaxUserIdLength);
            item.Property(w => w.PriceWhenSaved).HasPrecision(18, Currencies.MaxExponent);
            item.Property(w => w.Currency).HasMaxLength(3).IsFixedLength();
            // The list is read newest first.
            item.HasIndex(w => new { w.UserId, w.SavedAt }, "wishlist_items_by_user");
        });

        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }
}
