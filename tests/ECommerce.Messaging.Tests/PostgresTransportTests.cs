using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.Transport;
using ECommerce.Testing;

namespace ECommerce.Messaging.Tests;

/// <summary>The conformance suite against the PostgreSQL transport on a real server (always runs).</summary>
public sealed class PostgresTransportTests : TransportConformanceTests
{
    protected override async Task<IMessageTransport> CreateTransportAsync()
    {
        var server = await PostgresServer.GetAsync();
        return new PostgresTransport(await server.CreateDatabaseAsync("messaging"));
    }
}

/// <summary>
/// The same suite against Azure Service Bus, when <c>MESSAGING_SERVICEBUS_CONNECTION</c> names a namespace (with
/// Manage rights, since each test creates its own topic); reported as skipped otherwise.
/// </summary>
public sealed class ServiceBusTransportTests : TransportConformanceTests
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("MESSAGING_SERVICEBUS_CONNECTION");

    protected override int LargeBatchSize => 2_000;

    protected override Task<IMessageTransport> CreateTransportAsync()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(ConnectionString), "MESSAGING_SERVICEBUS_CONNECTION is not set: no Azure Service Bus namespace to test against.");
        return Task.FromResult<IMessageTransport>(new ServiceBus.ServiceBusTransport(ConnectionString!,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ServiceBus.ServiceBusTransport>.Instance));
    }
}
