using System.Diagnostics;
using System.Text;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The storefront's browser journeys (web/e2e, Debian's Chromium) against the whole system this collection already
/// started: the runner gets the AppHost's <c>web</c> endpoint as <c>E2E_BASE_URL</c> instead of starting a second
/// system, and the admin's password the fixture configured.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class StorefrontJourneyTests(WholeSystemFixture system)
{
    // 15 journeys took 315 s against the whole system on a busy 2-core machine (2026-12-02); 40 ran past 12 minutes
    // beside the rest of the suite (2026-12-04), so the storefront-only ones run against the fixture alone
    // (fixtureOnly in web/e2e) and the budget leaves room for a slower CI machine.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task The_browser_journeys_pass_against_the_real_services()
    {
        var ct = TestContext.Current.CancellationToken;
        var web = FindWebDirectory();
        Assert.True(Directory.Exists(Path.Combine(web, "node_modules", "playwright-core")),
            $"{web}/node_modules is missing: run `npm ci --prefix web` first (the README's test command does).");
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("web", ct);
        using var client = system.App.CreateHttpClient("web");
        var baseUrl = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        await WaitUntilServingAsync(client, ct);

        var info = new ProcessStartInfo("node") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("e2e/run.mjs");
        info.Environment["E2E_BASE_URL"] = baseUrl;
        info.Environment["E2E_ADMIN_EMAIL"] = WholeSystemFixture.AdminEmail;
        info.Environment["E2E_ADMIN_PASSWORD"] = system.AdminPassword;
        var (exitCode, output) = await RunAsync(info, ct);

        TestContext.Current.SendDiagnosticMessage(output);
        Assert.True(exitCode == 0, $"the browser journeys failed against {baseUrl} (screenshots in web/e2e/artifacts):\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo info, CancellationToken ct)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Budget);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Over budget: kill the tree (nothing outlives the test) and fail with what the journeys printed so far,
            // so the log says which journeys ran, how long each took and which one was running.
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                Assert.Fail($"the browser journeys ran past their {Budget.TotalMinutes:0}-minute budget:\n{output}");
            }
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>The storefront is healthy once it serves its shell; the catalog through its proxy means the gateway path is up too.</summary>
    private static async Task WaitUntilServingAsync(HttpClient web, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await web.GetAsync("/api/products?limit=1", ct);
                if (response.IsSuccessStatusCode || attempt >= 120)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (attempt < 120)
            {
            }

            await Task.Delay(500, ct);
        }
    }

    private static string FindWebDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
            {
                return Path.Combine(dir.FullName, "web");
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
