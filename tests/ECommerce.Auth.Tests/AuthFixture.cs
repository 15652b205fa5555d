using System.Globalization;
using System.Security.Cryptography;
using ECommerce.Auth.Email;
using ECommerce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace ECommerce.Auth.Tests;

/// <summary>
/// The real Auth service (a <see cref="ServiceHost{TProgram}"/>) listening on a loopback port (Kestrel), on its own PostgreSQL database, configured the way
/// production is (signing key and secrets from configuration) except that plain HTTP is allowed and mail goes to the
/// development mailbox. Its own APIs validate tokens with the shared ServiceDefaults code against its discovery
/// document over HTTP — exactly what every other service does.
/// </summary>
public class AuthFixture() : ServiceHost<Program>("authdb")
{
    public const string AdminEmail = "root@shop.test";
    public const string AdminPassword = "Admin-password-for-tests-1";
    public const string ServiceClientId = "orders";
    public const string ServiceClientSecret = "orders-secret-for-tests-only";
    public const int MaxFailedAttempts = 3;

    private readonly string _developmentData = Directory.CreateTempSubdirectory("ecommerce-auth-tests-").FullName;
    private int _port;

    /// <summary>The key Auth signs with, so tests can forge tokens that differ from real ones in exactly one way.</summary>
    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048));

    public Uri BaseAddress { get; private set; } = null!;

    public string Issuer => BaseAddress.ToString();

    public string RedirectUri => new Uri(BaseAddress, "/test-callback").ToString();

    // Auth validates the tokens it issues itself, against its own discovery document.
    protected override bool TrustsTestTokens => false;

    protected override Task StartingAsync()
    {
        _port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{_port}/");
        SigningKey.KeyId = Base64UrlEncoder.Encode(SigningKey.ComputeJwkThumbprint());
        return Task.CompletedTask;
    }

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Auth:DevelopmentDataDirectory"] = _developmentData;
        settings["Auth:Issuer"] = Issuer;
        settings["Auth:RequireHttps"] = "false";
        settings["Auth:DevelopmentMailbox"] = "true";
        settings["Auth:SigningKey:Pem"] = SigningKey.Rsa.ExportPkcs8PrivateKeyPem();
        settings["Auth:SigningKey:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Auth:Admin:Email"] = AdminEmail;
        settings["Auth:Admin:Password"] = AdminPassword;
        settings["Auth:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(CultureInfo.InvariantCulture);
        settings["Auth:Storefront:RedirectUris:0"] = RedirectUri;
        settings[$"Auth:ServiceClients:{ServiceClientId}:Secret"] = ServiceClientSecret;
        settings["Authentication:Authority"] = Issuer;
        settings["Authentication:MetadataAddress"] = new Uri(BaseAddress, "/.well-known/openid-configuration").ToString();
        settings["Authentication:RequireHttpsMetadata"] = "false";
    }

    protected override void ConfigureFactory(WebApplicationFactory<Program> factory) =>
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, _port));

    /// <summary>A client with its own cookie jar, as one browser.</summary>
    public Browser NewBrowser() => new(BaseAddress);

    public HttpClient NewApiClient() => new() { BaseAddress = BaseAddress };

    /// <summary>The mail Auth "sent", read in process: the mailbox endpoint exists only in Development.</summary>
    public DevelopmentMailbox Mailbox => Factory.Services.GetRequiredService<DevelopmentMailbox>();

    public async Task<long> CountOutboxAsync(string type, string userId)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE type = @type AND body LIKE @id", connection);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("id", "%" + userId + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_developmentData, recursive: true);
    }
}
