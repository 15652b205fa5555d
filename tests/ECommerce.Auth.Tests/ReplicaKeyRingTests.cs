using System.Net;
using System.Net.Http.Json;
using ECommerce.Testing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Auth.Tests;

/// <summary>
/// Two Auth processes on one database, each on its own port and, like two Container Apps replicas, each with a disk of
/// its own: where the service names no key store, a host keeps its Data Protection keys in a folder only it sees
/// (in-process hosts would otherwise share the home folder's default one and hide the problem).
/// </summary>
public sealed class TwoReplicaAuthFixture : AuthFixture
{
    private readonly List<string> _disks = [];
    private WebApplicationFactory<Program>? _second;

    /// <summary>The second replica, on the same database and issuer as the first.</summary>
    public Uri SecondAddress { get; private set; } = null!;

    // Runs once per host built (the second host replays the first's configuration): one folder each.
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        var disk = Directory.CreateTempSubdirectory("ecommerce-auth-replica-keys-").FullName;
        lock (_disks)
        {
            _disks.Add(disk);
        }

        // After the service's own configuration: a key store it chose stays; none chosen means this replica's own disk.
        services.AddOptions<KeyManagementOptions>().PostConfigure<ILoggerFactory>((keys, loggers) =>
            keys.XmlRepository ??= new FileSystemXmlRepository(new DirectoryInfo(disk), loggers));
    }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        var port = FreePort.Next();
        SecondAddress = new Uri($"http://127.0.0.1:{port}/");
        _second = Factory.WithWebHostBuilder(_ => { });
        _second.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _second.StartServer();
    }

    /// <summary>The second replica's services.</summary>
    public IServiceProvider SecondServices => _second!.Services;

    /// <summary>An absolute URL on the second replica: the browser's cookie jar is per host name, so both share it.</summary>
    public string OnSecond(string pathAndQuery) => new Uri(SecondAddress, pathAndQuery).ToString();

    public override async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
        foreach (var disk in _disks)
        {
            Directory.Delete(disk, recursive: true);
        }
    }
}

/// <summary>
/// What one Auth replica protects, another unprotects: the key ring lives in Auth's database (issue #23). Each test
/// fails without <c>PersistKeysToDbContext</c>: the second replica then has a key ring of its own.
/// </summary>
public class ReplicaKeyRingTests(TwoReplicaAuthFixture auth) : IClassFixture<TwoReplicaAuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_page_from_one_replica_posts_to_the_other_and_its_cookie_works_back_on_the_first()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        using var page = await browser.GetAsync("/account/login", Ct);

        // The antiforgery cookie and form token were protected by the first replica.
        using var posted = await browser.SubmitAsync(await page.Content.ReadAsStringAsync(Ct), auth.OnSecond("/account/login"),
            new Dictionary<string, string> { ["email"] = user.Email, ["password"] = user.Password }, Ct);
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);

        // The sign-in cookie was protected by the second replica.
        using var home = await browser.GetAsync("/account", Ct);
        Assert.Contains($"({user.Email})", await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_link_mailed_by_one_replica_is_accepted_by_the_other()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var client = auth.NewApiClient();
        using var forgot = await client.PostAsJsonAsync("/api/auth/password/forgot", new { email = user.Email }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var token = QueryHelpers.ParseQuery(new Uri(auth.Mailbox.For(user.Email)[0].Link).Query)["token"].ToString();

        const string newPassword = "Reset-on-the-other-replica-9";
        using var reset = await client.PostAsJsonAsync(auth.OnSecond("/api/auth/password/reset"),
            new { email = user.Email, token, newPassword }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using var browser = auth.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await Oidc.SignInAsync(auth, browser, user.Email, newPassword, Ct)).Status);
    }

    [Fact]
    public async Task Both_replicas_use_the_one_key_ring_kept_in_the_database()
    {
        // A page with a form: protecting its antiforgery token makes the first key if none exists yet.
        using var browser = auth.NewBrowser();
        using var page = await browser.GetAsync("/account/login", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var connection = new NpgsqlConnection(auth.Database);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", connection);
        var rows = (long)(await count.ExecuteScalarAsync(Ct))!;

        var first = auth.Service<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order().ToList();
        var second = auth.SecondServices.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order().ToList();

        Assert.True(rows > 0, "no key in the database");
        Assert.Equal(first, second);
    }
}
