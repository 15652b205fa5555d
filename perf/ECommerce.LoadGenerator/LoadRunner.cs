using System.Diagnostics;

namespace ECommerce.LoadGenerator;

/// <summary>
/// Starts virtual users evenly over the ramp, each running journeys back to back until the duration ends.
/// A journey is one shopper's visit; it records its own steps in <see cref="StepStats"/>.
/// </summary>
public sealed class LoadRunner(LoadOptions options, Func<int, int, CancellationToken, Task> journey)
{
    public async Task<TimeSpan> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        var clock = Stopwatch.StartNew();
        var users = Enumerable.Range(0, options.Users).Select(async user =>
        {
            await Task.Delay(options.Ramp * user / Math.Max(1, options.Users), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            var visit = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await journey(user, visit++, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The run ended mid-journey; what was recorded stands.
                }
            }
        });
        await Task.WhenAll(users);
        return clock.Elapsed;
    }
}
