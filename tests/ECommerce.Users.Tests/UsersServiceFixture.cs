using ECommerce.Testing;
using ECommerce.Users.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Users.Tests;

/// <summary>
/// One started Users service for the whole test run (a <see cref="ServiceHost{TProgram}"/>): its own database and a
/// messaging database on the real PostgreSQL test server, the real PostgreSQL transport, and bearer validation trusting
/// <see cref="TestTokens"/>. Tests play Auth (publishing) and other services (listening on <c>Transport</c>), and
/// Products' lookup is a loopback stand-in (<see cref="ProductsStandIn"/>) whose catalogue tests change.
/// </summary>
public sealed class UsersServiceFixture() : ServiceHost<Program>("usersdb")
{
    public ProductsStandIn Products { get; private set; } = null!;

    protected override async Task StartingAsync() => Products = await ProductsStandIn.StartAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Products.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Users:Products:BaseAddress"] = Products.Address;
        settings["Messaging:RetryDelay"] = "00:00:00.100";
        settings["Messaging:OutboxPollInterval"] = "00:00:00.500";
    }

    public HttpClient Customer(string userId) => Client(TestTokens.Customer(userId));

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
}

[CollectionDefinition(Name)]
public sealed class UsersServiceCollection : ICollectionFixture<UsersServiceFixture>
{
    public const string Name = "users service";
}
