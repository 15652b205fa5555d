using System.Net.Http.Headers;
using ECommerce.Messaging;
using ECommerce.Messaging.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ECommerce.Testing;

/// <summary>
/// One real service under test, started once per fixture: its own fresh database on the shared <see cref="PostgresServer"/>,
/// a messaging database with the PostgreSQL transport (unless <see cref="UsesMessaging"/> is off), the shared
/// <see cref="RedisServer"/> as its cache when <see cref="UsesCache"/> is on, and bearer validation trusting
/// <see cref="TestTokens"/>. A service's fixture derives from it and adds only what is its own: settings, stand-ins
/// for its neighbours, seed data and helpers.
/// </summary>
/// <typeparam name="TProgram">The service's entry point.</typeparam>
public abstract class ServiceHost<TProgram> : IAsyncLifetime
    where TProgram : class
{
    private readonly string _databaseName;
    private PostgresTransport? _transport;

    /// <param name="databaseName">The connection name the service reads its database from, e.g. <c>ordersdb</c>.</param>
    protected ServiceHost(string databaseName) => _databaseName = databaseName;

    public WebApplicationFactory<TProgram> Factory { get; private set; } = null!;

    /// <summary>Connection string of the service's own database.</summary>
    public string Database { get; private set; } = "";

    /// <summary>Connection string of the messaging database (the broker); empty when the service has no messaging.</summary>
    public string MessagingDatabase { get; private set; } = "";

    /// <summary>A transport of the tests' own on the service's broker: to publish as other services do, or to listen.</summary>
    public PostgresTransport Transport => _transport ?? throw new InvalidOperationException($"{GetType().Name} has no messaging.");

    /// <summary>
    /// Every process of the service: <see cref="Factory"/> first, then the others <see cref="ReplicaCount"/> asks for,
    /// each a host of its own on the same databases and broker, as replicas behind Aspire's proxy or in Container Apps.
    /// </summary>
    public IReadOnlyList<WebApplicationFactory<TProgram>> Replicas { get; private set; } = [];

    /// <summary>How many processes of the service a fixture runs (scale-out tests); one unless it says otherwise.</summary>
    protected virtual int ReplicaCount => 1;

    /// <summary>Production unless a fixture says otherwise: the configuration the service is deployed with.</summary>
    protected virtual string EnvironmentName => "Production";

    protected virtual bool UsesMessaging => true;

    protected virtual bool UsesCache => false;

    /// <summary>Whether bearer validation trusts <see cref="TestTokens"/>; off for Auth, which validates its own tokens.</summary>
    protected virtual bool TrustsTestTokens => true;

    /// <summary>Adds or overrides settings on top of the connection strings and transport this host sets.</summary>
    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>Replaces services after the service's own registrations (and after trusting test tokens).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Last changes to the factory before it starts, e.g. listening on a real port.</summary>
    protected virtual void ConfigureFactory(WebApplicationFactory<TProgram> factory)
    {
    }

    /// <summary>A chance to tune a new database's connection string (pool sizes), by connection name.</summary>
    protected virtual string Tune(string connectionName, string connectionString) => connectionString;

    /// <summary>The cache the service is given: the shared test Redis unless a fixture brings its own.</summary>
    protected virtual async Task<string> CacheConnectionStringAsync() => (await RedisServer.GetAsync()).ConnectionString;

    /// <summary>Runs once the databases exist and before the service starts: neighbours, topology.</summary>
    protected virtual Task StartingAsync() => Task.CompletedTask;

    /// <summary>Runs once the service has started (migrated, subscribed): seed data, listeners.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public virtual async ValueTask InitializeAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        var settings = new Dictionary<string, string>();
        if (UsesCache)
        {
            settings["ConnectionStrings:cache"] = await CacheConnectionStringAsync();
            // One Redis for every host of the run: each host (with its replicas) keeps its own keys, as its own
            // database keeps its own rows, so no class reads another's cached catalog or lookups.
            settings["Caching:KeyPrefix"] = $"{_databaseName}-{Guid.NewGuid().ToString("N")[..8]}:";
        }

        Database = Tune(_databaseName, await postgres.CreateDatabaseAsync(_databaseName));
        settings[$"ConnectionStrings:{_databaseName}"] = Database;
        if (UsesMessaging)
        {
            MessagingDatabase = Tune("messaging", await postgres.CreateDatabaseAsync("messaging"));
            settings["ConnectionStrings:messaging"] = MessagingDatabase;
            settings[MessagingTransports.Setting] = MessagingTransports.Postgres;
            _transport = new PostgresTransport(MessagingDatabase);
        }

        // Guest order links (Orders signs, Payments verifies): one key for every service host of the run.
        settings["OrderAccess:SigningKey"] = TestOrderAccess.SigningKey;
        // These hosts test correctness under concurrency (a hundred shoppers at one discount code, fifty checkouts with
        // one key) on a machine shared with other builds; the service's admission control would turn part of each burst
        // into 503s. It is tested on its own (OverloadSheddingTests); a fixture may switch it back on.
        settings["Overload:Enabled"] = "false";
        await StartingAsync();
        Configure(settings);
        Factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(EnvironmentName);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureServices(services =>
            {
                if (TrustsTestTokens)
                {
                    services.TrustTestTokens();
                }

                ConfigureServices(services);
            });
        });
        ConfigureFactory(Factory);
        // Start now: migrations run and subscriptions bind before any test publishes.
        Factory.StartServer();
        // The same configuration, one more host each: they compete for the same rows, leases and locks.
        Replicas = [Factory, .. Enumerable.Range(1, ReplicaCount - 1).Select(_ =>
        {
            var replica = Factory.WithWebHostBuilder(_ => { });
            replica.StartServer();
            return replica;
        })];
        await StartedAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client of the service, signed in with <paramref name="token"/> when one is given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Publishes an event as another service would: through the broker, to whoever subscribed.</summary>
    public Task PublishAsync(IntegrationEvent @event) =>
        Transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [EventSerializer.Serialize(@event)], TestContext.Current.CancellationToken);

    /// <summary>A service from the started host's container.</summary>
    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>A service from replica <paramref name="replica"/>'s container (0 is <see cref="Factory"/>).</summary>
    public T Service<T>(int replica)
        where T : notnull => Replicas[replica].Services.GetRequiredService<T>();
}
