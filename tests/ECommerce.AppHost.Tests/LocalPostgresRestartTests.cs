using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ECommerce.AppHost.Infrastructure;
using Npgsql;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// Local mode's PostgreSQL, started exactly as the AppHost starts it, stopped the way Aspire's orchestrator stops an
/// executable (SIGTERM to the process it started, SIGKILL after 6 s) while clients hold connections open, as the
/// services' pools do.
/// </summary>
public sealed class LocalPostgresRestartTests : IDisposable
{
    // DCP's grace period between SIGTERM and SIGKILL.
    private static readonly TimeSpan OrchestratorGracePeriod = TimeSpan.FromSeconds(6);

    private readonly PostgresInstallation _installation = PostgresInstallation.Find();
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ecommerce-pg-restart-{Guid.NewGuid():N}");
    private readonly string _password = Guid.NewGuid().ToString("N");
    private readonly List<Process> _started = [];

    [Fact]
    public async Task Stopping_with_open_client_connections_shuts_down_fast_and_the_restart_accepts_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Path.Combine(_root, "data");
        _installation.EnsureCluster(dataDirectory, _password);
        var port = FreeLoopbackPort();
        var connectionString = ConnectionString(port);

        var (server, log) = Start(dataDirectory, port);
        await WaitUntilAcceptingAsync(connectionString, server, log);

        // Idle pooled connections, one inside an open transaction and one busy in a query: a smart shutdown waits on all.
        var idle = new List<NpgsqlConnection>();
        for (var i = 0; i < 3; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            idle.Add(connection);
        }

        await using var inTransaction = new NpgsqlConnection(connectionString);
        await inTransaction.OpenAsync(ct);
        await using var transaction = await inTransaction.BeginTransactionAsync(ct);
        await using var busy = new NpgsqlConnection(connectionString);
        await busy.OpenAsync(ct);
        await using var sleep = new NpgsqlCommand("SELECT pg_sleep(60)", busy);
        var sleeping = sleep.ExecuteNonQueryAsync(ct);
        await Task.Delay(300, ct);

        var stopwatch = Stopwatch.StartNew();
        Signal(server.Id, "TERM");
        using (var grace = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            grace.CancelAfter(OrchestratorGracePeriod);
            try
            {
                await server.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"Still running {OrchestratorGracePeriod.TotalSeconds} s after SIGTERM, when DCP kills it:\n{log}");
            }
        }

        stopwatch.Stop();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => sleeping);
        Assert.Equal(0, server.ExitCode);
        Assert.Contains("received fast shutdown request", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("database system is shut down", log.ToString(), StringComparison.Ordinal);
        // Nothing of the old server may outlive the process the orchestrator watched: leftovers hold shared memory
        // and make the next start fail.
        Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "postmaster.pid left behind:\n" + log);

        foreach (var connection in idle)
        {
            await connection.DisposeAsync();
        }

        var (restarted, restartLog) = Start(dataDirectory, port);
        await WaitUntilAcceptingAsync(connectionString, restarted, restartLog);
        // A clean stop means no crash recovery on the way back.
        Assert.DoesNotContain("not properly shut down", restartLog.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("interrupted", restartLog.ToString(), StringComparison.Ordinal);

        await using var after = new NpgsqlConnection(connectionString);
        await after.OpenAsync(ct);
        await using var query = new NpgsqlCommand("SELECT 1", after);
        Assert.Equal(1, await query.ExecuteScalarAsync(ct));
        Assert.True(stopwatch.Elapsed < OrchestratorGracePeriod, $"stop took {stopwatch.Elapsed}");
    }

    public void Dispose()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the temp directory.
        }
    }

    private (Process Process, StringBuilder Log) Start(string dataDirectory, int port)
    {
        var (file, prefix) = _installation.ServerCommand();
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var argument in prefix.Concat(PostgresInstallation.ServerArguments(dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            info.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add(process);
        return (process, log);
    }

    private string ConnectionString(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Password = _password,
        Database = "postgres",
    }.ConnectionString;

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static async Task WaitUntilAcceptingAsync(string connectionString, Process server, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(server.HasExited, "PostgreSQL exited during start:\n" + log);
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException e)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("PostgreSQL did not accept connections within 60 s:\n" + log, e);
                }

                await Task.Delay(200);
            }
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
