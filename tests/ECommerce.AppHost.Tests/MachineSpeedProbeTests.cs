using ECommerce.LoadGenerator;

namespace ECommerce.AppHost.Tests;

/// <summary>The load generator's machine-speed probe, on its own: it reads its work's CPU time, and stops once.</summary>
public class MachineSpeedProbeTests
{
    [Fact]
    public async Task Reads_its_fixed_work_at_most_twice_a_second_and_stops_reading_when_stopped()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The probe reads the thread's CPU clock of Linux.");
        var ct = TestContext.Current.CancellationToken;
        using var probe = MachineSpeedProbe.Start();
        await Task.Delay(TimeSpan.FromMilliseconds(1_300), ct);

        var speed = probe.Stop();

        // One reading at start and one every 500 ms: three in 1.3 s, four if the start was quick, fewer only if a busy
        // machine kept the probe's thread from starting.
        Assert.NotNull(speed);
        Assert.InRange(speed.Samples, 1, 4);
        // The work is a few hundred microseconds of CPU on any machine this runs on; not zero (a clock that did not
        // move) and not seconds.
        Assert.InRange(speed.MedianMicroseconds, 20, 50_000);
        Assert.True(speed.P90Microseconds >= speed.MedianMicroseconds, speed.ToString());

        await Task.Delay(TimeSpan.FromMilliseconds(700), ct);
        Assert.Equal(speed.Samples, probe.Stop()!.Samples);
    }
}
