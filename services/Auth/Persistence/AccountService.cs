using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace ECommerce.Auth.Persistence;

/// <summary>The outcome of an account change: the user, or errors keyed by the request field they concern.</summary>
public sealed record AccountResult(AuthUser? User, ValidationErrors Errors)
{
    public bool Succeeded => Errors.IsEmpty;

    public static AccountResult Failed(string field, string message) => new(null, new ValidationErrors().Add(field, message));
}

/// <summary>
/// Account changes shared by the HTML pages and the JSON API. Changes that other services must hear about commit
/// together with their integration event (outbox), and credential changes end every outstanding refresh token.
/// </summary>
public sealed class AccountService(
    AuthDbContext db,
    UserManager<AuthUser> users,
    IOpenIddictAuthorizationManager authorizations)
{
    public async Task<AccountResult> RegisterAsync(string email, string password, string displayName, CancellationToken ct)
    {
        var user = new AuthUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim() };
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new AccountResult(null, ByField(created.Errors));
            }

            var role = await users.AddToRoleAsync(user, Roles.Customer);
            if (!role.Succeeded)
            {
                return new AccountResult(null, ByField(role.Errors));
            }

            db.AddIntegrationEvent(new UserRegistered(user.Id, user.Email!, user.DisplayName));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new AccountResult(user, new ValidationErrors());
        });
    }

    /// <summary>
    /// Confirms the address with Identity's token and, the first time, tells the other services (EmailVerified, which
    /// claims the guest orders placed with it) in the same transaction. A wrong account id reads as a bad token.
    /// </summary>
    public async Task<AccountResult> ConfirmEmailAsync(string userId, string token, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            if (await users.FindByIdAsync(userId) is not { Email: { } email } user)
            {
                return AccountResult.Failed("token", "The verification link is invalid or has expired.");
            }

            if (user.EmailConfirmed)
            {
                return new AccountResult(user, new ValidationErrors());
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var confirmed = await users.ConfirmEmailAsync(user, token);
            if (!confirmed.Succeeded)
            {
                return new AccountResult(null, ByField(confirmed.Errors));
            }

            db.AddIntegrationEvent(new EmailVerified(user.Id, email));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new AccountResult(user, new ValidationErrors());
        });
    }

    public async Task<AccountResult> ChangePasswordAsync(AuthUser user, string currentPassword, string newPassword, CancellationToken ct)
    {
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return new AccountResult(null, ByField(changed.Errors, passwordField: "newPassword"));
        }

        await RevokeSessionsAsync(user, ct);
        return new AccountResult(user, new ValidationErrors());
    }

    public async Task<AccountResult> ResetPasswordAsync(string email, string token, string newPassword, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        // An unknown address gets the same answer as a bad token: the endpoint must not reveal who has an account.
        if (user is null)
        {
            return AccountResult.Failed("token", "The reset link is invalid or has expired.");
        }

        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return new AccountResult(null, ByField(reset.Errors, passwordField: "newPassword"));
        }

        // A successful reset proves control of the mailbox: clear any lockout so the owner can sign in at once.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RevokeSessionsAsync(user, ct);
        return new AccountResult(user, new ValidationErrors());
    }

    /// <summary>Deletes the credentials and tells every service (UserDeleted) in one transaction.</summary>
    public async Task DeleteAsync(AuthUser user, CancellationToken ct)
    {
        await RevokeSessionsAsync(user, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
            }

            db.AddIntegrationEvent(new UserDeleted(user.Id));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>Revokes the user's authorizations, which ends their refresh tokens; access tokens expire on their own.</summary>
    public async Task RevokeSessionsAsync(AuthUser user, CancellationToken ct)
    {
        await foreach (var authorization in authorizations.FindBySubjectAsync(user.Id, ct))
        {
            await authorizations.TryRevokeAsync(authorization, ct);
        }

        await users.UpdateSecurityStampAsync(user);
    }

    private static ValidationErrors ByField(IEnumerable<IdentityError> errors, string passwordField = "password")
    {
        var byField = new ValidationErrors();
        foreach (var error in errors)
        {
            byField.Add(error.Code switch
            {
                "PasswordMismatch" => "currentPassword",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                "InvalidToken" => "token",
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "email",
                _ => "account",
            }, error.Description);
        }

        return byField;
    }
}
