using ECommerce.Users.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Persistence;

/// <summary>What happened to an address write.</summary>
public enum AddressWriteOutcome
{
    Saved,
    NotFound,
    BookFull,
    /// <summary>A concurrent request made another address the default at the same moment.</summary>
    DefaultConflict,
}

/// <summary>A customer's addresses, always scoped to one user id: another user's address is simply not found.</summary>
public sealed class AddressBook(UsersDbContext db, TimeProvider clock)
{
    public Task<List<Address>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.Addresses.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    public Task<Address?> FindAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        db.Addresses.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);

    /// <summary>The first address becomes the default for shipping and billing unless the request says otherwise.</summary>
    public async Task<(AddressWriteOutcome Outcome, Address? Address)> AddAsync(
        string userId, AddressDetails details, bool? defaultShipping, bool? defaultBilling, CancellationToken cancellationToken)
    {
        var count = await db.Addresses.CountAsync(a => a.UserId == userId, cancellationToken);
        if (count >= Address.MaxPerUser)
        {
            return (AddressWriteOutcome.BookFull, null);
        }

        var now = clock.Now();
        var address = new Address
        {
            UserId = userId,
            CreatedAt = now,
            IsDefaultShipping = defaultShipping ?? count == 0,
            IsDefaultBilling = defaultBilling ?? count == 0,
        };
        details.ApplyTo(address, now);
        db.Addresses.Add(address);
        return (await SaveWithDefaultsAsync(address, cancellationToken), address);
    }

    /// <summary>Replaces the fields; a null default flag leaves that flag as it was.</summary>
    public async Task<(AddressWriteOutcome Outcome, Address? Address)> UpdateAsync(
        string userId, Guid id, AddressDetails details, bool? defaultShipping, bool? defaultBilling, CancellationToken cancellationToken)
    {
        var address = await FindAsync(userId, id, cancellationToken);
        if (address is null)
        {
            return (AddressWriteOutcome.NotFound, null);
        }

        details.ApplyTo(address, clock.Now());
        address.IsDefaultShipping = defaultShipping ?? address.IsDefaultShipping;
        address.IsDefaultBilling = defaultBilling ?? address.IsDefaultBilling;
        return (await SaveWithDefaultsAsync(address, cancellationToken), address);
    }

    public async Task<bool> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.Addresses.Where(a => a.Id == id && a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Saves in one transaction with moving the defaults. Retries are on (AddServiceDatabase), so the transaction runs
    /// as one retriable unit, and the tracked changes are accepted only once it has committed.
    /// </summary>
    private Task<AddressWriteOutcome> SaveWithDefaultsAsync(Address address, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Clear the old defaults first: PostgreSQL checks the unique partial indexes row by row, not at commit.
            if (address.IsDefaultShipping)
            {
                await db.Addresses.Where(a => a.UserId == address.UserId && a.Id != address.Id && a.IsDefaultShipping)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefaultShipping, false), ct);
            }

            if (address.IsDefaultBilling)
            {
                await db.Addresses.Where(a => a.UserId == address.UserId && a.Id != address.Id && a.IsDefaultBilling)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefaultBilling, false), ct);
            }

            try
            {
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                return AddressWriteOutcome.DefaultConflict;
            }
            catch (DbUpdateException e) when (e.IsRowGone())
            {
                return AddressWriteOutcome.NotFound; // deleted by a concurrent request
            }

            await transaction.CommitAsync(ct);
            db.ChangeTracker.AcceptAllChanges();
            return AddressWriteOutcome.Saved;
        }, cancellationToken);
}
