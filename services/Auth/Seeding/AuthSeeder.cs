using ECommerce.Auth.Domain;
using ECommerce.Auth.Options;
using ECommerce.Auth.Persistence;
using ECommerce.Auth.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ECommerce.Auth.Seeding;

/// <summary>
/// Makes configuration true in the database: the roles, the admin account, and the OAuth clients (storefront and service
/// clients). Idempotent; the shared recipe runs it right after the migrations, at start or in the migration step.
/// </summary>
public sealed partial class AuthSeeder(
    UserManager<AuthUser> users,
    RoleManager<IdentityRole> roles,
    IOpenIddictApplicationManager applications,
    IOptions<AuthOptions> options,
    DevelopmentData developmentData,
    IHostEnvironment environment,
    AccountService accounts,
    ILogger<AuthSeeder> logger) : IDatabaseSeeder<AuthDbContext>
{
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in AccountRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await SeedAdminAsync(ct);
        await SeedStorefrontAsync(ct);
        foreach (var (clientId, client) in options.Value.ServiceClients)
        {
            await SeedServiceClientAsync(clientId, client, ct);
        }
    }

    private async Task SeedAdminAsync(CancellationToken ct)
    {
        var settings = options.Value.Admin;
        if (await users.FindByEmailAsync(settings.Email) is not null)
        {
            return;
        }

        var password = settings.Password;
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                LogNoAdminPassword();
                return;
            }

            password = developmentData.Secret("admin-password", out var created);
            if (created)
            {
                // Printed once so the developer can sign in; it stays in the git-ignored data folder for later.
                LogGeneratedAdminPassword(settings.Email, password, developmentData.Directory);
            }
        }

        var registered = await accounts.RegisterAsync(settings.Email, password, "Administrator", ct);
        if (!registered.Succeeded)
        {
            throw new InvalidOperationException("The admin account could not be created: " +
                string.Join("; ", registered.Errors.ToDictionary().SelectMany(e => e.Value)));
        }

        await users.AddToRoleAsync(registered.User!, Roles.Admin);
    }

    private async Task SeedStorefrontAsync(CancellationToken ct)
    {
        var storefront = options.Value.Storefront;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = storefront.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "ECommerce storefront",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + AuthScopes.Api,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in storefront.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in storefront.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        await UpsertAsync(descriptor, ct);
    }

    private async Task SeedServiceClientAsync(string clientId, AuthOptions.ServiceClientOptions client, CancellationToken ct)
    {
        var secret = client.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"Auth:ServiceClients:{clientId}:Secret is missing.");
            }

            secret = developmentData.Secret("client-" + clientId, out _);
        }

        await UpsertAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + AuthScopes.Api,
            },
        }, ct);
    }

    // Configuration wins: redirect URIs and secrets follow it on every start.
    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Development admin account {Email} created with generated password {Password} (kept in {Directory}).")]
    private partial void LogGeneratedAdminPassword(string email, string password, string directory);

    [LoggerMessage(LogLevel.Warning, "Auth:Admin:Password is not set: no admin account was seeded.")]
    private partial void LogNoAdminPassword();
}
