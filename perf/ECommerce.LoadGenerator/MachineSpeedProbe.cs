using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ECommerce.LoadGenerator;

/// <summary>
/// How fast the machine's cores ran during a window: twice a second a dedicated thread does the same fixed piece of work
/// (arithmetic over a 256 KiB table, then a random walk through 8 MiB) and times it in its own CPU time
/// (<c>CLOCK_THREAD_CPUTIME_ID</c>). Waiting for a core does not count; a slower core does (a lower clock, another tenant
/// of the host sharing its caches). Two runs whose CPU per paid order differ while the probe reads the same differ in the
/// system's own work, not in the machine. Linux only; elsewhere it reads nothing. It costs about 0.1 % of one core.
/// </summary>
public sealed partial class MachineSpeedProbe : IDisposable
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    private readonly List<double> _microseconds = [];
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread? _thread;

    private MachineSpeedProbe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "machine speed probe" };
        _thread.Start();
    }

    public static MachineSpeedProbe Start() => new();

    /// <summary>The median and 90th percentile of the work's CPU time over the window; null when nothing was read. Stops the probe.</summary>
    public MachineSpeed? Stop()
    {
        if (!_stop.IsSet)
        {
            _stop.Set();
            _thread?.Join();
        }

        lock (_microseconds)
        {
            if (_microseconds.Count == 0)
            {
                return null;
            }

            var sorted = _microseconds.Order().ToArray();
            return new MachineSpeed(sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.9)], sorted.Length);
        }
    }

    /// <summary>Stops the probe, as <see cref="Stop"/> does; the thread ends after its current piece of work.</summary>
    public void Dispose() => Stop();

    private void Run()
    {
        var table = new ulong[256 * 1024 / sizeof(ulong)];
        var field = new ulong[8 * 1024 * 1024 / sizeof(ulong)];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (ulong)i * 2654435761UL;
        }

        for (var i = 0; i < field.Length; i++)
        {
            field[i] = (ulong)i * 40503UL;
        }

        var seed = 1UL;
        do
        {
            var before = ThreadCpuMicroseconds();
            seed = Work(table, field, seed);
            var took = ThreadCpuMicroseconds() - before;
            if (!double.IsNaN(took))
            {
                lock (_microseconds)
                {
                    _microseconds.Add(took);
                }
            }
        }
        while (!_stop.Wait(Every));

        GC.KeepAlive(seed);
    }

    // Fully optimised from the first call: tiered compilation would time its own promotions for the first samples.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static ulong Work(ulong[] table, ulong[] field, ulong seed)
    {
        for (var pass = 0; pass < 6; pass++)
        {
            foreach (var value in table)
            {
                seed = (seed ^ value) * 0x9E3779B97F4A7C15UL;
                seed ^= seed >> 29;
            }
        }

        var at = seed % (ulong)field.Length;
        for (var step = 0; step < 20_000; step++)
        {
            at = ((at * 6364136223846793005UL) + field[at] + 1442695040888963407UL) % (ulong)field.Length;
            seed += field[at];
        }

        return seed;
    }

    private static double ThreadCpuMicroseconds() =>
        ClockGetTime(ClockThreadCpuTime, out var now) == 0 ? (now.Seconds * 1e6) + (now.Nanoseconds / 1e3) : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}

/// <summary>The probe's reading: its fixed work's CPU time, in microseconds (lower is a faster machine).</summary>
public sealed record MachineSpeed(double MedianMicroseconds, double P90Microseconds, int Samples)
{
    public override string ToString() => $"{MedianMicroseconds:0} µs (p90 {P90Microseconds:0} µs, {Samples} samples)";
}
