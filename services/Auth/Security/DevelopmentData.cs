using System.Security.Cryptography;
using ECommerce.Auth.Options;

namespace ECommerce.Auth.Security;

/// <summary>
/// Material a developer's Auth generates on first start and keeps across restarts, in a git-ignored folder
/// (<c>.data/local/auth</c> at the repository root by default, beside the local infrastructure data): the RSA signing key, service client secrets and the
/// admin password. Never used outside Development, where everything comes from configuration instead.
/// </summary>
public sealed class DevelopmentData(string directory)
{
    private static readonly Lock Gate = new();

    public string Directory { get; } = directory;

    public static DevelopmentData For(AuthOptions options, IHostEnvironment environment) =>
        new(Path.GetFullPath(options.DevelopmentDataDirectory
            ?? Path.Combine(environment.ContentRootPath, "..", "..", ".data", "local", "auth")));

    /// <summary>The persisted development signing key, created on first use.</summary>
    public RSA SigningKey()
    {
        var path = Path.Combine(Directory, "signing-key.pem");
        var pem = GetOrCreate(path, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKeyPem();
        }, out _);
        var key = RSA.Create();
        key.ImportFromPem(pem);
        return key;
    }

    /// <summary>A named secret (client secret, admin password), generated once; <paramref name="created"/> tells whether it is new.</summary>
    public string Secret(string name, out bool created)
    {
        var path = Path.Combine(Directory, "secrets", name + ".txt");
        // URL-safe, and with every character class so it passes any password policy.
        return GetOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('/', '_').Replace('+', '-') + "aA1!", out created);
    }

    /// <summary>A persisted 256-bit key (base64), generated once.</summary>
    public byte[] SymmetricKey(string name) =>
        Convert.FromBase64String(GetOrCreate(Path.Combine(Directory, name + ".key"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), out _));

    private static string GetOrCreate(string path, Func<string> create, out bool created)
    {
        lock (Gate)
        {
            if (File.Exists(path))
            {
                created = false;
                return File.ReadAllText(path).Trim();
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var value = create();
            // Written to a temporary name first so a crash never leaves half a key behind.
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, value);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                // Never over another's: replicas starting together each make a value, and the first to land is the
                // one all of them use (two signing keys would make each replica's tokens invalid at the other).
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
                created = false;
                return File.ReadAllText(path).Trim();
            }

            created = true;
            return value;
        }
    }
}
