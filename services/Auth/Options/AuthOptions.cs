using System.ComponentModel.DataAnnotations;

namespace ECommerce.Auth.Options;

/// <summary>Settings of the OpenID Connect provider (section <c>Auth</c>), validated at start.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The audience every access token carries; services validate it.</summary>
    public const string ApiAudience = "ecommerce-api";

    /// <summary>
    /// The fixed issuer (the public URL browsers reach Auth through: the gateway). Tokens carry it as <c>iss</c> and
    /// services compare against it; empty means "the URL of the request", which suits a standalone run only.
    /// </summary>
    [Url]
    public string? Issuer { get; set; }

    /// <summary>Refuse plain-HTTP protocol requests. Off in Development; in production TLS ends at the ingress.</summary>
    public bool RequireHttps { get; set; } = true;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a used refresh token may be presented again (tabs refreshing at once). Zero: a second use is refused
    /// at once and, as a replay, revokes the chain — the storefront refreshes from one place at a time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>Where generated development material (signing key, client secrets, admin password) is kept; git-ignored.</summary>
    public string? DevelopmentDataDirectory { get; set; }

    public StorefrontClientOptions Storefront { get; set; } = new();

    /// <summary>Confidential clients for service-to-service calls (client credentials), by client id.</summary>
    public Dictionary<string, ServiceClientOptions> ServiceClients { get; set; } = [];

    public AdminOptions Admin { get; set; } = new();

    public LockoutSettings Lockout { get; set; } = new();

    public SigningKeyOptions SigningKey { get; set; } = new();

    /// <summary>The public client of the React storefront: authorization code with PKCE, no secret.</summary>
    public sealed class StorefrontClientOptions
    {
        [Required]
        public string ClientId { get; set; } = "storefront";

        public string[] RedirectUris { get; set; } = [];

        public string[] PostLogoutRedirectUris { get; set; } = [];
    }

    /// <summary>A confidential client; without a secret in Development one is generated and kept in the data directory.</summary>
    public sealed class ServiceClientOptions
    {
        public string? Secret { get; set; }
    }

    /// <summary>The seeded administrator; the password comes from configuration (generated and printed once in Development).</summary>
    public sealed class AdminOptions
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "admin@ecommerce.local";

        public string? Password { get; set; }
    }

    public sealed class LockoutSettings
    {
        [Range(1, 100)]
        public int MaxFailedAttempts { get; set; } = 5;

        [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
    }

    /// <summary>
    /// The RSA signing key in production: a PEM (e.g. a Key Vault secret surfaced as configuration) or a PFX file.
    /// In Development, absent both, a key is generated on first start and kept in the data directory.
    /// </summary>
    public sealed class SigningKeyOptions
    {
        public string? Pem { get; set; }

        public string? CertificatePath { get; set; }

        public string? CertificatePassword { get; set; }

        /// <summary>32 random bytes (base64) that encrypt authorization codes and refresh tokens.</summary>
        public string? EncryptionKey { get; set; }
    }
}
