namespace ECommerce.Testing;

/// <summary>
/// A Redis server of one's own, for outage tests: it can be killed and started again on the same port, which the
/// shared <see cref="RedisServer"/> must never be (other test classes use it at the same time).
/// </summary>
public sealed class StoppableRedisServer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly int _port;
    private ServerProcess? _process;

    private StoppableRedisServer(string binary, int port)
    {
        _binary = binary;
        _port = port;
    }

    /// <summary>StackExchange.Redis connection string; stays the same across restarts.</summary>
    public string ConnectionString => $"127.0.0.1:{_port}";

    public static async Task<StoppableRedisServer> StartNewAsync()
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server");
        var server = new StoppableRedisServer(binary, FreePort.Next());
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

        _process = new ServerProcess(_binary,
            ["--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await FreePort.WaitUntilListeningAsync(_port, TimeSpan.FromSeconds(30));
        if (_process.HasExited)
        {
            throw new InvalidOperationException("redis-server exited during start:\n" + _process.Output);
        }
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
