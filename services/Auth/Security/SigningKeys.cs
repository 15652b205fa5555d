using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ECommerce.Auth.Options;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Security;

/// <summary>
/// Chooses the token signing key: configured PEM or certificate first (production: Key Vault surfaced as configuration),
/// else in Development a generated key persisted on disk. Ephemeral keys are never used: every validator caches the
/// JWKS, so a key that changed at restart would make them reject fresh tokens.
/// </summary>
public static class SigningKeys
{
    public static SecurityKey Load(AuthOptions.SigningKeyOptions options, IHostEnvironment environment, DevelopmentData developmentData)
    {
        if (!string.IsNullOrWhiteSpace(options.Pem))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(options.Pem);
            return WithKeyId(new RsaSecurityKey(rsa));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new X509SecurityKey(certificate);
        }

        if (environment.IsDevelopment())
        {
            return WithKeyId(new RsaSecurityKey(developmentData.SigningKey()));
        }

        throw new InvalidOperationException(
            "No token signing key: set Auth:SigningKey:Pem (an RSA private key in PEM) or Auth:SigningKey:CertificatePath " +
            "(a PFX with Auth:SigningKey:CertificatePassword). Only Development generates one.");
    }

    /// <summary>
    /// The key that encrypts the server's own artifacts (authorization codes, refresh tokens): 256 bits, base64 in
    /// <c>Auth:SigningKey:EncryptionKey</c>; generated and persisted in Development.
    /// </summary>
    public static SecurityKey LoadEncryptionKey(AuthOptions.SigningKeyOptions options, IHostEnvironment environment, DevelopmentData developmentData)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            var bytes = Convert.FromBase64String(options.EncryptionKey);
            return bytes.Length == 32
                ? new SymmetricSecurityKey(bytes)
                : throw new InvalidOperationException("Auth:SigningKey:EncryptionKey must be 32 bytes, base64-encoded.");
        }

        if (environment.IsDevelopment())
        {
            return new SymmetricSecurityKey(developmentData.SymmetricKey("token-encryption"));
        }

        throw new InvalidOperationException("No token encryption key: set Auth:SigningKey:EncryptionKey (32 random bytes, base64).");
    }

    // A stable key id derived from the public key, so validators find the key in the JWKS after a restart.
    private static RsaSecurityKey WithKeyId(RsaSecurityKey key)
    {
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
