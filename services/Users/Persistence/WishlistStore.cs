using ECommerce.Users.Clients;
using ECommerce.Users.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Persistence;

/// <summary>What happened to a save.</summary>
public enum WishlistSaveOutcome
{
    Saved,
    AlreadySaved,
    Full,
}

/// <summary>A customer's wishlist, always scoped to one user id: nobody reads or changes another's.</summary>
public sealed class WishlistStore(UsersDbContext db, TimeProvider clock)
{
    public Task<List<WishlistItem>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.WishlistItems.AsNoTracking().Where(w => w.UserId == userId)
            .OrderByDescending(w => w.SavedAt).ThenBy(w => w.ProductId).ToListAsync(cancellationToken);

    public Task<WishlistItem?> FindAsync(string userId, Guid productId, CancellationToken cancellationToken) =>
        db.WishlistItems.AsNoTracking().SingleOrDefaultAsync(w => w.UserId == userId && w.ProductId == productId, cancellationToken);

    /// <summary>Saves the product with its price and availability now; saving it again keeps the first save (and its price).</summary>
    public async Task<(WishlistSaveOutcome Outcome, WishlistItem? Item)> SaveAsync(string userId, ProductInfo product, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, product.Id, cancellationToken) is { } existing)
        {
            return (WishlistSaveOutcome.AlreadySaved, existing);
        }

        // The count is checked before the insert, so two saves racing at 199 may both pass: one over the limit is harmless.
        if (await db.WishlistItems.CountAsync(w => w.UserId == userId, cancellationToken) >= WishlistItem.MaxPerUser)
        {
            return (WishlistSaveOutcome.Full, null);
        }

        var item = NewItem(userId, product, clock.Now());
        db.WishlistItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (WishlistSaveOutcome.Saved, item);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same save from another tab won: theirs is the same item.
            db.ChangeTracker.Clear();
            return (WishlistSaveOutcome.AlreadySaved, await FindAsync(userId, product.Id, cancellationToken));
        }
    }

    public async Task<bool> RemoveAsync(string userId, Guid productId, CancellationToken cancellationToken) =>
        await db.WishlistItems.Where(w => w.UserId == userId && w.ProductId == productId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Adds the products not saved yet, in the order given, until the list holds <see cref="WishlistItem.MaxPerUser"/>.
    /// Answers the ids that were not added because the list was full. Each row is an INSERT … ON CONFLICT DO NOTHING,
    /// so a concurrent merge or save of the same product (the other tab signing in too) is absorbed rather than failing.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> MergeAsync(string userId, IReadOnlyList<ProductInfo> products, CancellationToken cancellationToken)
    {
        var saved = await db.WishlistItems.Where(w => w.UserId == userId).Select(w => w.ProductId).ToListAsync(cancellationToken);
        var fresh = products.Where(p => !saved.Contains(p.Id)).ToList();
        var room = Math.Max(0, WishlistItem.MaxPerUser - saved.Count);
        var now = clock.Now();
        // Merged items keep the visitor's order, the first one newest, as if saved one after the other just now.
        var items = fresh.Take(room).Select((p, i) => NewItem(userId, p, now.AddTicks(-i * TimeSpan.TicksPerMicrosecond))).ToList();
        foreach (var item in items)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO wishlist_items (user_id, product_id, saved_at, price_when_saved, currency, available_when_saved)
                VALUES ({item.UserId}, {item.ProductId}, {item.SavedAt}, {item.PriceWhenSaved}, {item.Currency}, {item.AvailableWhenSaved})
                ON CONFLICT (user_id, product_id) DO NOTHING
                """, cancellationToken);
        }

        return [.. fresh.Skip(room).Select(p => p.Id)];
    }

    private static WishlistItem NewItem(string userId, ProductInfo product, DateTimeOffset now) => new()
    {
        UserId = userId,
        ProductId = product.Id,
        SavedAt = now,
        PriceWhenSaved = product.Price,
        Currency = product.Currency,
        AvailableWhenSaved = product.Active && product.InStock,
    };
}
