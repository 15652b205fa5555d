using System.Net.Http.Headers;
using ECommerce.Messaging;
using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.Transport;
using ECommerce.Testing;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Users.Tests;

/// <summary>
/// One started Users service for the whole test run: its own database and a messaging database on the real PostgreSQL
/// test server, the real PostgreSQL transport, and bearer validation trusting <see cref="TestTokens"/>.
/// </summary>
public sealed class UsersServiceFixture : IAsyncLifetime
{
    private PostgresTransport _transport = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string MessagingConnectionString { get; private set; } = "";

    /// <summary>A transport of our own on the same broker: the tests play Auth (publishing) and other services (listening).</summary>
    public IMessageTransport Transport => _transport;

    public async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        var usersDb = await server.CreateDatabaseAsync("usersdb");
        MessagingConnectionString = await server.CreateDatabaseAsync("messaging");
        _transport = new PostgresTransport(MessagingConnectionString);

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:usersdb", usersDb)
            .UseSetting("ConnectionStrings:messaging", MessagingConnectionString)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("Messaging:RetryDelay", "00:00:00.100")
            .UseSetting("Messaging:OutboxPollInterval", "00:00:00.500")
            .ConfigureServices(services => services.TrustTestTokens()));
        // Starting the host applies the migrations and binds the "users" subscription, so events published from now on arrive.
        Factory.StartServer();
    }

    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Customer(string userId) => Client(TestTokens.Customer(userId));

    public Task PublishAsync(IntegrationEvent @event) =>
        _transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [EventSerializer.Serialize(@event)], TestContext.Current.CancellationToken);

    /// <summary>Runs a query against the service's own database, as the service sees it.</summary>
    public async Task<T> QueryAsync<T>(Func<UsersDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UsersDbContext>());
    }

    /// <summary>Polls until the condition holds (events are asynchronous), failing with what was awaited.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _transport.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UsersServiceCollection : ICollectionFixture<UsersServiceFixture>
{
    public const string Name = "users service";
}
