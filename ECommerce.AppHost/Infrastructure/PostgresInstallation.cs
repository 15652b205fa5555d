using System.Diagnostics;

namespace ECommerce.AppHost.Infrastructure;

/// <summary>
/// The machine's PostgreSQL server binaries: where they are, how to create a cluster, and how to run them
/// (through <c>runuser -u postgres</c> when we are root, because the server refuses to run as root).
/// Shared by the AppHost's local mode and the test fixtures, so both start PostgreSQL the same way.
/// </summary>
public sealed class PostgresInstallation
{
    private const string ServiceUser = "postgres";

    private PostgresInstallation(string binDirectory) => BinDirectory = binDirectory;

    public string BinDirectory { get; }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Finds the binaries (configured folder, then the newest /usr/lib/postgresql/N/bin, then PATH) or fails with what to install.</summary>
    public static PostgresInstallation Find(string? configuredBinDirectory = null)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredBinDirectory))
        {
            candidates.Add(configuredBinDirectory);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return FindIn(candidates);
    }

    /// <summary>The first folder holding both <c>postgres</c> and <c>initdb</c>, or an error naming the package to install.</summary>
    public static PostgresInstallation FindIn(IEnumerable<string> candidateDirectories)
    {
        var found = candidateDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")));
        return found is null
            ? throw new InfrastructureException(
                "PostgreSQL server binaries (postgres, initdb) were not found. Install them with " +
                "'apt-get install -y postgresql' (Debian/Ubuntu), 'dnf install postgresql-server' (Fedora) or " +
                "'brew install postgresql@16' (macOS), set Infrastructure:PostgresBinDirectory, or use --infra containers " +
                "with Docker or Podman, or --infra external with connection strings.")
            : new PostgresInstallation(found);
    }

    /// <summary>The program and arguments that run <paramref name="tool"/> as the right OS user.</summary>
    public (string FileName, string[] Arguments) Command(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        return IsRoot ? ("runuser", ["-u", ServiceUser, "--", path, .. arguments]) : (path, arguments);
    }

    /// <summary>
    /// The program and arguments that run the server (append <see cref="ServerArguments"/>) so that a SIGTERM stops it
    /// with a <em>fast</em> shutdown. Aspire's orchestrator (DCP) stops an executable with SIGTERM and kills it 6 s later;
    /// PostgreSQL reads SIGTERM as a <em>smart</em> shutdown, which waits for every client — the services' pools never
    /// let go. Worse, <c>runuser</c> answers SIGTERM by killing its child 2 s later, so the postmaster died and left its
    /// backends holding shared memory: the restart then failed. Here a small shell becomes the process the orchestrator
    /// signals and turns SIGTERM into SIGINT (PostgreSQL's fast shutdown: roll back, disconnect, checkpoint, exit), and
    /// <c>setpriv</c> changes user by exec, with no supervising parent in between.
    /// </summary>
    public (string FileName, string[] Arguments) ServerCommand()
    {
        string[] wrapped = ["/bin/sh", "-c", FastShutdownScript, "postgres-fast-shutdown", Path.Combine(BinDirectory, "postgres")];
        return IsRoot
            ? ("setpriv", [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", .. wrapped])
            : (wrapped[0], wrapped[1..]);
    }

    // Runs "$@" in the background and forwards SIGTERM/SIGINT as SIGINT; waits again after each trapped signal
    // (wait returns early when one arrives) until the server has exited, then exits with its status.
    private const string FastShutdownScript =
        "\"$@\" & server=$!\n" +
        "trap 'kill -INT \"$server\" 2>/dev/null' TERM INT\n" +
        "while :; do wait \"$server\"; status=$?; kill -0 \"$server\" 2>/dev/null || exit \"$status\"; done\n";

    /// <summary>Runs <c>initdb</c> into <paramref name="dataDirectory"/> unless a cluster is already there.</summary>
    public void EnsureCluster(string dataDirectory, string superuserPassword)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, $".pwfile-{Guid.NewGuid():N}");
        File.WriteAllText(passwordFile, superuserPassword);
        try
        {
            GiveToServiceUser(dataDirectory, passwordFile);
            var (file, args) = Command("initdb", "-D", dataDirectory, "-U", "postgres", "--pwfile", passwordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8");
            Run(file, args, TimeSpan.FromMinutes(2));
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>Server arguments: loopback only, no Unix socket (no shared /var/run folder needed), durable defaults.</summary>
    public static string[] ServerArguments(string dataDirectory, string port) =>
    [
        "-D", dataDirectory, "-p", port, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
        "-c", "max_connections=300", "-c", "shared_buffers=128MB",
    ];

    /// <summary>
    /// Loads <c>pg_stat_statements</c> when the installation has it (Debian's postgresql package does), so an operator
    /// or the load generator can see what each statement costs (<c>CREATE EXTENSION pg_stat_statements</c> in a database
    /// to read it); an installation without it starts as before.
    /// </summary>
    public string[] StatementStatisticsArguments() =>
        File.Exists(Path.Combine(BinDirectory, "..", "lib", "pg_stat_statements.so"))
            ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top"]
            : [];

    private static void GiveToServiceUser(params string[] paths)
    {
        if (!IsRoot || OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths)
        {
            Run("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], TimeSpan.FromSeconds(30));
        }

        // The service user must be able to reach the data folder through every parent folder.
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(paths[0])); dir is not null && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    private static void Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InfrastructureException($"Could not start {fileName}.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InfrastructureException($"{fileName} did not finish within {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InfrastructureException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}

/// <summary>Infrastructure cannot be provided as asked; the message says what to install or configure.</summary>
public sealed class InfrastructureException(string message) : Exception(message);
