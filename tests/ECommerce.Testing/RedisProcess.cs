using System.Globalization;

namespace ECommerce.Testing;

/// <summary>Starts redis-server from the OS packages on a port, in memory only, and waits until it listens.</summary>
internal static class RedisProcess
{
    public static async Task<ServerProcess> StartAsync(int port)
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server");
        var process = new ServerProcess(binary,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        if (process.HasExited)
        {
            throw new InvalidOperationException("redis-server exited during start:\n" + process.Output);
        }

        return process;
    }
}
