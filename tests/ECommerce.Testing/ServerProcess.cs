using System.Diagnostics;
using System.Text;

namespace ECommerce.Testing;

/// <summary>
/// A server process owned by the test run: output captured for failure messages, killed at exit. At process exit it is
/// only signalled, never waited for, and its children are not searched for (a wrapper's child is stopped by its owner,
/// see PostgresServer): waiting, or enumerating every process on a busy machine, took seconds per server, and the test
/// runner failed runs whose exit took over ten ("foreground threads were left running") although every test had passed.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServerProcess(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(wait: false);
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose() => Stop(wait: true);

    /// <summary>Kills the server: with <paramref name="wait"/>, its whole process tree, until it is gone; without, just it.</summary>
    public void Stop(bool wait)
    {
        try
        {
            if (_process.HasExited)
            {
                return;
            }

            if (wait)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            else
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
