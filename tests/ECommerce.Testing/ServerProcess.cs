using System.Diagnostics;
using System.Text;

namespace ECommerce.Testing;

/// <summary>
/// A server process owned by the test run: output captured for failure messages, killed at exit. At process exit it is
/// only signalled, never waited for: while the runtime shuts down the child-exit notification may not arrive, so a wait
/// there ran to its full timeout per server and the test runner declared the run failed ("foreground threads were left
/// running") although every test had passed.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServerProcess(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
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

    /// <summary>Kills the server (and its children: PostgreSQL's backends); SIGKILL cannot be ignored, so waiting is optional.</summary>
    public void Stop(bool wait)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                if (wait)
                {
                    _process.WaitForExit(10_000);
                }
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
