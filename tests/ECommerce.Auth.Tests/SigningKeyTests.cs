using ECommerce.Auth.Options;
using ECommerce.Auth.Security;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Tests;

/// <summary>Signing keys survive restarts in Development and are never generated anywhere else.</summary>
public sealed class SigningKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecommerce-auth-keys-").FullName;

    [Fact]
    public void A_development_key_is_generated_once_and_the_same_key_is_loaded_after_a_restart()
    {
        var first = (RsaSecurityKey)SigningKeys.Load(new(), Environment("Development"), new DevelopmentData(_directory));
        var second = (RsaSecurityKey)SigningKeys.Load(new(), Environment("Development"), new DevelopmentData(_directory));

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(first.Rsa.ExportParameters(false).Modulus, second.Rsa.ExportParameters(false).Modulus);
        Assert.True(File.Exists(Path.Combine(_directory, "signing-key.pem")));
    }

    [Fact]
    public void Outside_development_a_missing_key_stops_the_start_with_what_to_configure()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SigningKeys.Load(new(), Environment("Production"), new DevelopmentData(_directory)));

        Assert.Contains("Auth:SigningKey:Pem", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "signing-key.pem")));
    }

    [Fact]
    public void A_configured_pem_wins_and_its_key_id_is_the_thumbprint()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var options = new AuthOptions.SigningKeyOptions { Pem = rsa.ExportPkcs8PrivateKeyPem() };

        var key = (RsaSecurityKey)SigningKeys.Load(options, Environment("Development"), new DevelopmentData(_directory));

        Assert.Equal(rsa.ExportParameters(false).Modulus, key.Rsa.ExportParameters(false).Modulus);
        Assert.Equal(Base64UrlEncoder.Encode(new RsaSecurityKey(rsa).ComputeJwkThumbprint()), key.KeyId);
        Assert.False(File.Exists(Path.Combine(_directory, "signing-key.pem")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TestEnvironment Environment(string name) => new() { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";

        public string ApplicationName { get; set; } = "ECommerce.Auth";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
