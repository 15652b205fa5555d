using System.Globalization;
using System.Security.Cryptography;
using ECommerce.Auth.Email;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace ECommerce.Auth.Tests;

/// <summary>
/// The real Auth service listening on a loopback port (Kestrel), on its own PostgreSQL database, configured the way
/// production is (signing key and secrets from configuration) except that plain HTTP is allowed and mail goes to the
/// development mailbox. Its own APIs validate tokens with the shared ServiceDefaults code against its discovery
/// document over HTTP — exactly what every other service does.
/// </summary>
public class AuthFixture : IAsyncLifetime
{
    public const string AdminEmail = "root@shop.test";
    public const string AdminPassword = "Admin-password-for-tests-1";
    public const string ServiceClientId = "orders";
    public const string ServiceClientSecret = "orders-secret-for-tests-only";
    public const int MaxFailedAttempts = 3;

    private WebApplicationFactory<Program> _factory = null!;
    private readonly string _developmentData = Directory.CreateTempSubdirectory("ecommerce-auth-tests-").FullName;

    /// <summary>Production by default; <see cref="DevelopmentAuthFixture"/> runs the same service as a developer's machine does.</summary>
    protected virtual string EnvironmentName => "Production";

    /// <summary>The key Auth signs with, so tests can forge tokens that differ from real ones in exactly one way.</summary>
    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048));

    public Uri BaseAddress { get; private set; } = null!;

    public string Issuer => BaseAddress.ToString();

    public string RedirectUri => new Uri(BaseAddress, "/test-callback").ToString();

    public string AuthDatabase { get; private set; } = "";

    public string MessagingDatabase { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        AuthDatabase = await postgres.CreateDatabaseAsync("auth");
        MessagingDatabase = await postgres.CreateDatabaseAsync("messaging");
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        SigningKey.KeyId = Base64UrlEncoder.Encode(SigningKey.ComputeJwkThumbprint());

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment(EnvironmentName)
            .UseSetting("Auth:DevelopmentDataDirectory", _developmentData)
            .UseSetting("ConnectionStrings:authdb", AuthDatabase)
            .UseSetting("ConnectionStrings:messaging", MessagingDatabase)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("Auth:Issuer", Issuer)
            .UseSetting("Auth:RequireHttps", "false")
            .UseSetting("Auth:DevelopmentMailbox", "true")
            .UseSetting("Auth:SigningKey:Pem", SigningKey.Rsa.ExportPkcs8PrivateKeyPem())
            .UseSetting("Auth:SigningKey:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .UseSetting("Auth:Admin:Email", AdminEmail)
            .UseSetting("Auth:Admin:Password", AdminPassword)
            .UseSetting("Auth:Lockout:MaxFailedAttempts", MaxFailedAttempts.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Auth:Storefront:RedirectUris:0", RedirectUri)
            .UseSetting($"Auth:ServiceClients:{ServiceClientId}:Secret", ServiceClientSecret)
            .UseSetting("Authentication:Authority", Issuer)
            .UseSetting("Authentication:MetadataAddress", new Uri(BaseAddress, "/.well-known/openid-configuration").ToString())
            .UseSetting("Authentication:RequireHttpsMetadata", "false"));
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        _factory.StartServer();
    }

    /// <summary>A client with its own cookie jar, as one browser.</summary>
    public Browser NewBrowser() => new(BaseAddress);

    public HttpClient NewApiClient() => new() { BaseAddress = BaseAddress };

    /// <summary>The mail Auth "sent", read in process: the mailbox endpoint exists only in Development.</summary>
    public DevelopmentMailbox Mailbox => _factory.Services.GetRequiredService<DevelopmentMailbox>();

    public async Task<long> CountOutboxAsync(string type, string userId)
    {
        await using var connection = new NpgsqlConnection(AuthDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE type = @type AND body LIKE @id", connection);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("id", "%" + userId + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_developmentData, recursive: true);
        GC.SuppressFinalize(this);
    }
}
