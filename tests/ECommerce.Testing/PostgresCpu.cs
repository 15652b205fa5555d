using System.Globalization;

namespace ECommerce.Testing;

/// <summary>
/// The CPU a PostgreSQL server has spent, from /proc: its postmaster (its own time and the backends it reaped), and its
/// live backends. For benchmarks that report CPU per operation on both sides of a connection.
/// </summary>
public sealed class PostgresCpu(int postmaster)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The server behind <paramref name="connectionString"/>, found through a backend's parent.</summary>
    public static async Task<PostgresCpu> OfServerAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return new PostgresCpu(int.Parse(Stat(backend)[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The whole server's CPU so far.</summary>
    public TimeSpan Total()
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = Stat(pid);
                if (pid == postmaster)
                {
                    ticks += Sum(stat, 11, 12, 13, 14); // its own time and its reaped children's
                }
                else if (stat[1] == postmaster.ToString(CultureInfo.InvariantCulture))
                {
                    ticks += Sum(stat, 11, 12);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked: its time is now the postmaster's.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>One process's own CPU so far (a backend's, say).</summary>
    public static TimeSpan OfProcess(int pid) => TimeSpan.FromSeconds(Sum(Stat(pid), 11, 12) / TicksPerSecond);

    /// <summary>/proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[] Stat(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        return text[(text.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static double Sum(string[] stat, params int[] fields) => fields.Sum(f => double.Parse(stat[f], CultureInfo.InvariantCulture));
}
