namespace ECommerce.Web.Tests;

/// <summary>
/// The storefront's own suites, run from web/ (facts in one class run one at a time, so they never share the two
/// cores with each other): the Vitest unit tests; the production build, which fails over the 150 kB gzip first-page
/// budget, followed by the browser journeys in Debian's Chromium against that build.
/// </summary>
public class StorefrontSuiteTests
{
    [Fact]
    public Task The_storefront_unit_tests_pass() => AssertScriptsPassAsync("test");

    [Fact]
    public Task The_production_build_fits_its_budget_and_the_browser_journeys_pass() => AssertScriptsPassAsync("build", "e2e");

    private static async Task AssertScriptsPassAsync(params string[] scripts)
    {
        foreach (var script in scripts)
        {
            var (exitCode, output) = await NpmScript.RunAsync(script, TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage($"npm run {script}: exit {exitCode}\n{output}");
            Assert.True(exitCode == 0, $"npm run {script} failed (exit {exitCode}):\n{output}");
        }
    }
}
