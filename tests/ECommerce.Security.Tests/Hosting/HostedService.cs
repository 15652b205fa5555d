using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.Security.Tests.Hosting;

/// <summary>
/// One real service in a test host: its name, its database (for snapshots), which routes belong to the suites, and a
/// client factory. Non-generic, so the matrix and the hostile-input suite treat every service alike.
/// </summary>
public sealed class HostedService(string name, IDisposable factory, IServiceProvider services, Func<HttpClient> createClient, string database, string routePrefix)
    : IAsyncDisposable
{
    public string Name { get; } = name;

    public IServiceProvider Services { get; } = services;

    /// <summary>The service's own database: every table in it is snapshotted around hostile requests.</summary>
    public string Database { get; } = database;

    /// <summary>Only endpoints under this prefix are public API (Auth also serves OIDC protocol endpoints and HTML pages).</summary>
    public string RoutePrefix { get; } = routePrefix;

    /// <summary>
    /// Reached over a real socket (Kestrel) rather than the in-memory test server, which cannot even represent some
    /// hostile requests (a NUL in the path) that Kestrel receives and refuses.
    /// </summary>
    public bool OverSockets { get; init; }

    public HttpClient Client(string? token = null)
    {
        var client = createClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static HostedService Start<TEntry>(string name, WebApplicationFactory<TEntry> factory, string database, string routePrefix, int? kestrelPort = null)
        where TEntry : class
    {
        if (kestrelPort is { } port)
        {
            // Listening on a real socket (other services call this one); clients then go through that socket too.
            factory.StartServer();
            var address = new Uri($"http://127.0.0.1:{port}/");
            return new HostedService(name, factory, factory.Services, () => new HttpClient { BaseAddress = address }, database, routePrefix) { OverSockets = true };
        }

        var services = factory.Services; // starts the host: migrations, subscriptions
        return new HostedService(name, factory, services, () => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), database, routePrefix);
    }

    public ValueTask DisposeAsync()
    {
        if (factory is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        factory.Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Name;
}
