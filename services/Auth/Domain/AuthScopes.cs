namespace ECommerce.Auth.Domain;

/// <summary>The scopes of this provider beyond OpenID Connect's own.</summary>
public static class AuthScopes
{
    /// <summary>Access to the store's APIs: every client asks for it, and the seeded clients are allowed it.</summary>
    public const string Api = "api";
}
