// Auth benchmark: the costs a shopper and a service actually pay, measured against the real Auth service on Kestrel
// and PostgreSQL — a client-credentials token, a bearer-protected request (JwtBearer validation with the JWKS from
// discovery), a password hash (what every sign-in costs) and a bare RS256 signature validation.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using ECommerce.Auth.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Benchmarks;

/// <summary>Entry point (a named class: the Auth service's own Program is referenced for the test host).</summary>
internal static class AuthBenchmark
{
    public static async Task Main(string[] args)
    {
        var requests = ArgValue(args, "--requests", 500);
        // Outside a test project the factory has no manifest naming the service's folder; point it there directly.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ECOMMERCE_AUTH", Path.Combine(RepositoryRoot(), "services", "Auth"));
        var server = await PostgresServer.GetAsync();
        var port = FreePort.Next();
        var issuer = $"http://127.0.0.1:{port}/";
        var key = new RsaSecurityKey(RSA.Create(2048));
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());

        await using var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("ConnectionStrings:authdb", server.CreateDatabaseAsync("bench_auth").GetAwaiter().GetResult())
            .UseSetting("ConnectionStrings:messaging", server.CreateDatabaseAsync("bench_messaging").GetAwaiter().GetResult())
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("Auth:Issuer", issuer)
            .UseSetting("Auth:RequireHttps", "false")
            .UseSetting("Auth:SigningKey:Pem", key.Rsa.ExportPkcs8PrivateKeyPem())
            .UseSetting("Auth:SigningKey:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .UseSetting("Auth:Admin:Password", "Benchmark-admin-password-1")
            .UseSetting("Auth:ServiceClients:bench:Secret", "bench-secret-0123456789")
            .UseSetting("Authentication:Authority", issuer)
            .UseSetting("Authentication:RequireHttpsMetadata", "false")
            .UseSetting("Authentication:MetadataAddress", issuer + ".well-known/openid-configuration"));
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(issuer) };

        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email = "bench@shop.test", password = "Benchmark-password-1", displayName = "Bench" });
        var userId = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var userToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "ecommerce-api",
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("role", "customer")]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        Console.WriteLine($"Auth benchmark — real Auth service on Kestrel + PostgreSQL; {Environment.ProcessorCount} cores, {requests} requests per row");
        Console.WriteLine();

        await MeasureAsync("client_credentials token (POST /connect/token)", requests, async () =>
        {
            using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "bench",
                ["client_secret"] = "bench-secret-0123456789",
                ["scope"] = "api",
            }));
            response.EnsureSuccessStatusCode();
        });

        await MeasureAsync("bearer-protected GET /api/auth/me", requests, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Authorization = new("Bearer", userToken);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        });

        var hasher = new PasswordHasher<AuthUser>();
        await MeasureAsync("password hash (Identity v3, PBKDF2)", 50, () =>
        {
            hasher.HashPassword(new AuthUser(), "Benchmark-password-1");
            return Task.CompletedTask;
        });

        var handler = new JsonWebTokenHandler();
        var parameters = new TokenValidationParameters { ValidIssuer = issuer, ValidAudience = "ecommerce-api", IssuerSigningKey = key };
        await MeasureAsync("RS256 token validation (in process)", requests * 10, async () =>
        {
            var result = await handler.ValidateTokenAsync(userToken, parameters);
            if (!result.IsValid)
            {
                throw new InvalidOperationException("The benchmark token did not validate.", result.Exception);
            }
        });
    }

    private static async Task MeasureAsync(string name, int count, Func<Task> operation)
    {
        for (var i = 0; i < Math.Min(20, count); i++)
        {
            await operation(); // warm-up: JIT, connection pools, the validator's JWKS fetch
        }

        var timings = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var one = Stopwatch.GetTimestamp();
            await operation();
            timings[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(timings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-50} {count / total.Elapsed.TotalSeconds,9:0} op/s   p50 {timings[count / 2],7:0.000} ms   p95 {timings[(int)(count * 0.95)],7:0.000} ms"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ECommerce.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
