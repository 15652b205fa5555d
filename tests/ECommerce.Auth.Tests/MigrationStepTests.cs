using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ECommerce.Auth.Tests;

/// <summary>
/// The deployment's migration step (the recipe's <c>migrate</c> mode, run as each app's init container): the real Auth
/// binary in its own process, as production configures it, against an empty database; then the service started with
/// migrations at start turned off, as deployed.
/// </summary>
public class MigrationStepTests
{
    private const string AdminEmail = "step-admin@shop.test";
    private const string ClientId = "orders";
    private const string ClientSecret = "orders-secret-for-the-step-test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _signingKey = RSA.Create(2048).ExportPkcs8PrivateKeyPem();
    private readonly string _encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task The_migrate_step_builds_and_seeds_an_empty_database_and_the_service_then_starts_without_migrating()
    {
        var postgres = await PostgresServer.GetAsync();
        var authDb = await postgres.CreateDatabaseAsync("auth_step");
        var messagingDb = await postgres.CreateDatabaseAsync("messaging_step");

        var first = await RunMigrateStepAsync(authDb, messagingDb);
        Assert.True(first.ExitCode == 0, first.Output);
        // Every migration the service ships is recorded (counted from the assembly, so a new one needs no edit here).
        var migrations = typeof(Program).Assembly.GetTypes().Count(t => t.GetCustomAttribute<MigrationAttribute>() is not null);
        Assert.Equal((long)migrations, await ScalarAsync(authDb, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(2L, await ScalarAsync(authDb, "SELECT count(*) FROM \"AspNetRoles\""));
        Assert.Equal(1L, await ScalarAsync(authDb, $"SELECT count(*) FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = '{AdminEmail.ToUpperInvariant()}'"));
        Assert.Equal(2L, await ScalarAsync(authDb, "SELECT count(*) FROM \"OpenIddictApplications\" WHERE \"ClientId\" IN ('storefront', 'orders')"));

        // Every replica's init container runs it again: a no-op on an up-to-date database.
        var second = await RunMigrateStepAsync(authDb, messagingDb);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(1L, await ScalarAsync(authDb, "SELECT count(*) FROM \"AspNetUsers\""));

        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        await using var service = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production").UseSetting("Database:MigrateAtStart", "false");
            foreach (var (key, value) in Settings(authDb, messagingDb))
            {
                web.UseSetting(key, value);
            }

            web.UseSetting("Auth:Issuer", baseAddress.ToString())
                .UseSetting("Authentication:Authority", baseAddress.ToString())
                .UseSetting("Authentication:MetadataAddress", new Uri(baseAddress, "/.well-known/openid-configuration").ToString());
        });
        service.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        service.StartServer();
        using var http = new HttpClient { BaseAddress = baseAddress };

        // The client the step seeded gets a token, and a sign-up finds the customer role the step created.
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["scope"] = "api",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var registered = await http.PostAsJsonAsync("/api/auth/register",
            new { email = "after-step@shop.test", password = "A-long-enough-passw0rd", displayName = "After the step" }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [Fact]
    public async Task The_migrate_step_exits_non_zero_when_a_migration_fails()
    {
        var postgres = await PostgresServer.GetAsync();
        var authDb = await postgres.CreateDatabaseAsync("auth_step_fail");
        var messagingDb = await postgres.CreateDatabaseAsync("messaging_step_fail");
        // A table in the way of the initial migration: its CREATE TABLE fails, as a broken schema change would.
        await ScalarAsync(authDb, "CREATE TABLE \"AspNetRoles\" (id int); SELECT 0");

        var result = await RunMigrateStepAsync(authDb, messagingDb);

        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Contains("Migration step failed", result.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings(string authDb, string messagingDb) => new()
    {
        ["ConnectionStrings:authdb"] = authDb,
        ["ConnectionStrings:messaging"] = messagingDb,
        ["Messaging:Transport"] = "postgres",
        ["Auth:SigningKey:Pem"] = _signingKey,
        ["Auth:SigningKey:EncryptionKey"] = _encryptionKey,
        ["Auth:Admin:Email"] = AdminEmail,
        ["Auth:Admin:Password"] = "Admin-password-for-the-step-1",
        [$"Auth:ServiceClients:{ClientId}:Secret"] = ClientSecret,
        ["Auth:RequireHttps"] = "false",
        ["Auth:DevelopmentMailbox"] = "true",
        ["Authentication:RequireHttpsMetadata"] = "false",
    };

    /// <summary><c>dotnet ECommerce.Auth.dll migrate</c>, configured through environment variables as a container is.</summary>
    private async Task<(int ExitCode, string Output)> RunMigrateStepAsync(string authDb, string messagingDb)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ECommerce.Auth.dll"), "migrate" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Settings(authDb, messagingDb))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
