using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>
/// Where the machine's CPU went during a load window, by process group: each service, PostgreSQL per database (a
/// backend's title names its database), PostgreSQL's own processes, Redis, Aspire's orchestrator and dashboard, the
/// load generator itself. Read from <c>/proc/&lt;pid&gt;/stat</c> (utime + stime) before and after the window; a process
/// that started inside the window counts whole. A backend that ends inside the window (Npgsql's pool closes connections
/// idle for five minutes, so a window that follows a warm-up sees many) is charged to its database up to the last time
/// a once-a-second sample saw it; what it spent after that sample, and processes too short-lived to be sampled
/// (autovacuum workers, cancel requests), are the postmaster's reaped-children time less what was attributed.
/// Linux only; elsewhere the ledger is empty.
/// </summary>
public sealed class CpuLedger : IDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    private readonly Dictionary<int, (string Group, long Ticks, long Reaped)> _before;
    private readonly (long Busy, long Total) _machineBefore;
    private readonly Dictionary<int, (string Group, long Ticks)> _backendsSeen = [];
    private readonly Timer _sampler;
    private readonly MachineSpeedProbe _speed = MachineSpeedProbe.Start();

    private CpuLedger(Dictionary<int, (string, long, long)> before, (long, long) machine)
    {
        _before = before;
        _machineBefore = machine;
        _sampler = new Timer(_ => SampleBackends(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public static CpuLedger Start() => new(Snapshot(), Machine());

    public void Dispose()
    {
        _sampler.Dispose();
        _speed.Dispose();
    }

    /// <summary>Notes every PostgreSQL backend's CPU so far, so one that ends before the window does is still charged to its database.</summary>
    private void SampleBackends()
    {
        lock (_backendsSeen)
        {
            foreach (var (pid, ticks, _, comm) in Stats().Where(s => s.Comm == "postgres"))
            {
                if (_backendsSeen.TryGetValue(pid, out var seen))
                {
                    _backendsSeen[pid] = (seen.Group, ticks);
                }
                else if (CommandLine(pid) is { } cmdline && GroupOf(cmdline, comm) is var group && IsBackend(group))
                {
                    _backendsSeen[pid] = (group, ticks);
                }
            }
        }
    }

    /// <summary>CPU seconds per group over the window, largest first, and the machine's busy share of all cores.</summary>
    public CpuReport Stop(TimeSpan window)
    {
        var speed = _speed.Stop();
        Dispose();
        var after = Snapshot();
        var machine = Machine();
        var groups = new Dictionary<string, double>();
        foreach (var (pid, (group, ticks, reaped)) in after)
        {
            var (_, ticksBefore, reapedBefore) = _before.TryGetValue(pid, out var b) && b.Group == group ? b : (group, 0L, reaped);
            Add(groups, group, (ticks - ticksBefore) / TicksPerSecond);
            if (group == "postgres (postmaster)")
            {
                Add(groups, "postgres (ended backends)", (reaped - reapedBefore) / TicksPerSecond);
            }
        }

        // A backend that was running at the start and ended inside the window is reaped with its whole life's CPU; what it
        // had spent before the window was not this window's work.
        var endedBefore = _before.Where(b => !after.ContainsKey(b.Key) && IsBackend(b.Value.Group)).Sum(b => b.Value.Ticks) / TicksPerSecond;
        var attributed = 0.0;
        lock (_backendsSeen)
        {
            foreach (var (pid, (group, ticks)) in _backendsSeen.Where(s => !after.ContainsKey(s.Key)))
            {
                var seconds = (ticks - (_before.TryGetValue(pid, out var b) && b.Group == group ? b.Ticks : 0)) / TicksPerSecond;
                Add(groups, group, seconds);
                attributed += Math.Max(0, seconds);
            }
        }

        if (groups.TryGetValue("postgres (ended backends)", out var ended))
        {
            groups["postgres (ended backends)"] = Math.Max(0, ended - endedBefore - attributed);
        }

        var total = machine.Total - _machineBefore.Total;
        var busy = total == 0 ? 0 : (double)(machine.Busy - _machineBefore.Busy) / total;
        return new CpuReport(groups.Where(g => g.Value > 0).OrderByDescending(g => g.Value).ToList(), busy, window) { Speed = speed };
    }

    private static bool IsBackend(string group) =>
        group.StartsWith("postgres ", StringComparison.Ordinal) && group is not "postgres (postmaster)" and not "postgres (ended backends)";

    private static void Add(Dictionary<string, double> groups, string group, double seconds) =>
        groups[group] = groups.GetValueOrDefault(group) + Math.Max(0, seconds);

    /// <summary>
    /// Each process's pid, CPU ticks so far (utime + stime), ticks of the children it reaped (cutime + cstime) and
    /// command name, from <c>/proc/&lt;pid&gt;/stat</c>; a process that ends while it is read is left out.
    /// </summary>
    private static IEnumerable<(int Pid, long Ticks, long Reaped, string Comm)> Stats()
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            (long, long, string)? read = null;
            try
            {
                // "pid (comm) state ppid ... utime stime cutime cstime": fields 14–17, counted after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                read = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                    long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture),
                    stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we looked.
            }

            if (read is var (ticks, reaped, comm))
            {
                yield return (pid, ticks, reaped, comm);
            }
        }
    }

    /// <summary>A process's command line with its arguments space-separated, or null if it has ended.</summary>
    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<int, (string, long, long)> Snapshot()
    {
        var result = new Dictionary<int, (string, long, long)>();
        foreach (var (pid, ticks, reaped, comm) in Stats())
        {
            if (CommandLine(pid) is { } cmdline)
            {
                result[pid] = (GroupOf(cmdline, comm), ticks, reaped);
            }
        }

        return result;
    }

    /// <summary>The group a process is charged to, from its command line (a PostgreSQL backend's title names its database).</summary>
    public static string GroupOf(string cmdline, string comm)
    {
        if (cmdline.StartsWith("postgres: ", StringComparison.Ordinal))
        {
            // "postgres: <user> <database> <client> <activity>" for a backend; "postgres: checkpointer" etc. otherwise.
            // With a cluster_name the title has it first ("postgres: main: <user> ..."), so skip that word.
            var parts = cmdline.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (parts.Count > 1 && parts[1].EndsWith(':'))
            {
                parts.RemoveAt(1);
            }

            return parts.Count >= 4 && parts[1] != "logical" && parts[1] != "background"
                ? $"postgres {parts[2]}"
                : "postgres (background)";
        }

        if (comm == "postgres")
        {
            return "postgres (postmaster)";
        }

        if (cmdline.Contains(" run ", StringComparison.Ordinal) && cmdline.Contains("--project", StringComparison.Ordinal))
        {
            return "dotnet run wrappers";
        }

        var marker = cmdline.IndexOf("ECommerce.", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var name = cmdline[(marker + "ECommerce.".Length)..];
            var end = name.IndexOfAny([' ', '/', '.']);
            return end > 0 ? name[..end] : name;
        }

        return comm switch
        {
            "dcp" or "dcpctrl" or "dcpproc" => "aspire dcp",
            "redis-server" => "redis",
            "node" => "node (vite, azurite)",
            _ when cmdline.Contains("Aspire.Dashboard", StringComparison.Ordinal) => "aspire dashboard",
            _ when cmdline.Contains("Smtp4dev", StringComparison.OrdinalIgnoreCase) => "smtp4dev (local mail)",
            _ => $"other ({comm})",
        };
    }

    private static (long Busy, long Total) Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        // "cpu  user nice system idle iowait irq softirq steal ..."
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        return (cpu.Sum() - idle, cpu.Sum());
    }
}

/// <summary>CPU seconds per process group over a load window.</summary>
public sealed record CpuReport(IReadOnlyList<KeyValuePair<string, double>> Groups, double MachineBusy, TimeSpan Window)
{
    /// <summary>The same groups measured on the idle system just before the load (<c>--idle-seconds</c>), if taken.</summary>
    public CpuReport? Idle { get; init; }

    /// <summary>How fast the machine's cores ran over the window (<see cref="MachineSpeedProbe"/>), if it could be read.</summary>
    public MachineSpeed? Speed { get; init; }

    public IEnumerable<string> Lines(int paidOrders)
    {
        var total = Groups.Sum(g => g.Value);
        var idleRate = (string group) => Idle is null ? 0 : Idle.Groups.FirstOrDefault(g => g.Key == group).Value / Idle.Window.TotalSeconds;
        var idleTotal = Idle is null ? 0 : Idle.Groups.Sum(g => g.Value) / Idle.Window.TotalSeconds;
        yield return $"CPU over the load window ({Window.TotalSeconds:0.0} s): machine busy {MachineBusy:P0} of {Environment.ProcessorCount} cores, " +
            $"{total:0.0} CPU s counted" + (paidOrders > 0 ? $", {total * 1000 / paidOrders:0.0} ms per paid order" : "");
        if (Speed is not null)
        {
            // The same fixed work timed in its own CPU time: a run that cost more per order on an equally fast machine did more work.
            yield return $"machine speed: a fixed piece of work took {Speed} of CPU over the window" +
                (Idle?.Speed is { } idle ? $", {idle.MedianMicroseconds:0} µs idle before it" : "") + " (lower is faster)";
        }
        if (Idle is not null)
        {
            // What the system burns with nobody shopping (background jobs, polling, telemetry), and what is left per order.
            var above = total - (idleTotal * Window.TotalSeconds);
            yield return $"idle before the load ({Idle.Window.TotalSeconds:0} s): {idleTotal:0.00} cores busy; above idle " +
                $"{above:0.0} CPU s" + (paidOrders > 0 ? $", {above * 1000 / paidOrders:0.0} ms per paid order" : "");
        }

        yield return $"  {"group",-28} {"CPU s",8} {"share",7} {(paidOrders > 0 ? "ms/paid" : ""),8}" + (Idle is null ? "" : $" {"idle cores",10} {"ms/paid above idle",18}");
        foreach (var (group, seconds) in Groups.Where(g => g.Value >= 0.05))
        {
            var line = $"  {group,-28} {seconds,8:0.0} {seconds / Math.Max(total, 1e-9),7:P0} " +
                (paidOrders > 0 ? $"{seconds * 1000 / paidOrders,8:0.0}" : "");
            if (Idle is not null)
            {
                var above = seconds - (idleRate(group) * Window.TotalSeconds);
                line += $" {idleRate(group),10:0.000} " + (paidOrders > 0 ? $"{above * 1000 / paidOrders,18:0.0}" : "");
            }

            yield return line;
        }
    }
}
