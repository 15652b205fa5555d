namespace ECommerce.Testing;

/// <summary>
/// A Redis server of one's own, for outage tests: it can be killed and started again on the same port, which the
/// shared <see cref="RedisServer"/> must never be (other test classes use it at the same time).
/// </summary>
public sealed class StoppableRedisServer : IAsyncDisposable
{
    private readonly int _port;
    private ServerProcess? _process;

    private StoppableRedisServer(int port) => _port = port;

    /// <summary>StackExchange.Redis connection string; stays the same across restarts.</summary>
    public string ConnectionString => $"127.0.0.1:{_port}";

    public static async Task<StoppableRedisServer> StartNewAsync()
    {
        var server = new StoppableRedisServer(FreePort.Next());
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server again (empty: nothing is persisted) and waits until it listens.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        _process = await RedisProcess.StartAsync(_port);
    }

    /// <summary>Kills the server, as a crash or a lost host would: clients see their connections drop.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
