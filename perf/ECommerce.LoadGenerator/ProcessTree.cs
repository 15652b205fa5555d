using System.Diagnostics;
using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>Signals a process and everything it started (with Services:LaunchBuiltAssembly=false a service runs under a <c>dotnet run</c>), Linux only.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..." — comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                (parents.TryGetValue(ppid, out var list) ? list : parents[ppid] = []).Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var found = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            found.Add(pid);
            foreach (var child in parents.GetValueOrDefault(pid) ?? [])
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Sends the signal (KILL, STOP, CONT) to the process and its descendants, children first.</summary>
    public static void Signal(int root, string signal)
    {
        var pids = Descendants(root).Reverse().Select(p => p.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, .. pids]) { RedirectStandardError = true })!;
        kill.WaitForExit();
    }
}
