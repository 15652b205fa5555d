namespace ECommerce.Testing;

/// <summary>
/// One real Redis server per test run on a free port (redis-server from the OS packages). Set <c>TEST_REDIS</c>
/// to a connection string to use an existing server instead.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<Task<RedisServer>> Shared = new(StartAsync);

    private RedisServer(string connectionString) => ConnectionString = connectionString;

    /// <summary>StackExchange.Redis connection string, e.g. <c>127.0.0.1:6400</c>.</summary>
    public string ConnectionString { get; }

    public static Task<RedisServer> GetAsync() => Shared.Value;

    private static async Task<RedisServer> StartAsync()
    {
        var existing = Environment.GetEnvironmentVariable("TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new RedisServer(existing);
        }

        var port = FreePort.Next();
        await RedisProcess.StartAsync(port);
        return new RedisServer($"127.0.0.1:{port}");
    }
}
