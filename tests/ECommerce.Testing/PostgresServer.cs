using System.Security.Cryptography;
using ECommerce.AppHost.Infrastructure;
using Npgsql;

namespace ECommerce.Testing;

/// <summary>
/// One real PostgreSQL server per test run (a throwaway cluster in a temp folder on a free port). Each test class
/// asks for its own database with <see cref="CreateDatabaseAsync"/>, so tests never see each other's rows.
/// Set <c>TEST_POSTGRES</c> to a server connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly ServerProcess? _process;

    private PostgresServer(string serverConnectionString, ServerProcess? process, int port)
    {
        ServerConnectionString = serverConnectionString;
        _process = process;
        Port = port;
    }

    /// <summary>Connection string to the <c>postgres</c> maintenance database, with superuser rights.</summary>
    public string ServerConnectionString { get; }

    public int Port { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates a new, empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Forcefully stops the server process (kill -9 style) — for crash tests. Only for a server this fixture started.</summary>
    public bool IsOwnProcess => _process is not null;

    private static async Task<PostgresServer> StartAsync()
    {
        var existing = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new PostgresServer(existing, null, new NpgsqlConnectionStringBuilder(existing).Port);
        }

        var installation = PostgresInstallation.Find(Environment.GetEnvironmentVariable("POSTGRES_BIN"));
        RemoveLeftoverClusters();
        var root = Path.Combine(Path.GetTempPath(), $"{ClusterPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var dataDirectory = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        installation.EnsureCluster(dataDirectory, password);

        var port = FreePort.Next();
        var (file, args) = installation.Command("postgres",
            [.. PostgresInstallation.ServerArguments(dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        var process = new ServerProcess(file, args);
        // At exit nothing is waited for or searched: the postmaster (from its pid file) and its runuser parent are killed,
        // and the backends end when they see the postmaster gone. Enumerating the process tree took seconds on a busy
        // machine, and with the folder's deletion pushed the exit past the test runner's limit; the folder is removed
        // by the next run instead (RemoveLeftoverClusters).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillPostmaster(dataDirectory);

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            MaxPoolSize = 200,
        }.ConnectionString;
        await WaitUntilReadyAsync(connectionString, process);
        return new PostgresServer(connectionString, process, port);
    }

    private const string ClusterPrefix = "ecommerce-test-pg-";

    /// <summary>Clusters of earlier runs whose test process is gone (its pid is in the folder name).</summary>
    private static void RemoveLeftoverClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[ClusterPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                TryDelete(folder);
            }
        }
    }

    private static void KillPostmaster(string dataDirectory)
    {
        try
        {
            var pid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            using var postmaster = System.Diagnostics.Process.GetProcessById(pid);
            postmaster.Kill();
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or InvalidOperationException
            or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Not started, already gone, or not ours to read: nothing to stop.
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task WaitUntilReadyAsync(string connectionString, ServerProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("PostgreSQL exited during start:\n" + process.Output);
            }

            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
