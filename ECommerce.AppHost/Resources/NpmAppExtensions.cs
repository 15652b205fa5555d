namespace ECommerce.AppHost.Resources;

/// <summary>
/// A thin stand-in for Aspire.Hosting.JavaScript's AddNpmApp, which is not in this machine's package registry: an
/// executable resource running <c>npm run &lt;script&gt;</c> in a folder, with an HTTP endpoint whose port Aspire
/// allocates and passes in as <c>PORT</c>.
/// </summary>
public static class NpmAppExtensions
{
    /// <summary>
    /// Adds <c>npm run {script}</c> in <paramref name="workingDirectory"/>; runs <c>npm ci</c> first only when node_modules
    /// is missing. <paramref name="port"/> fixes the public port (else Aspire allocates one).
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddNpmApp(this IDistributedApplicationBuilder builder, string name, string workingDirectory, string script = "dev", int? port = null)
    {
        var directory = Path.GetFullPath(workingDirectory, builder.AppHostDirectory);
        var app = builder.AddExecutable(name, "npm", directory, "run", script)
            // Not proxied: the port the dashboard shows is the one the dev server listens on (and prints), so the
            // storefront has one address a shopper can sign in from, not a proxy's and a second one of Vite's own.
            .WithHttpEndpoint(port: port, env: "PORT", isProxied: false)
            .WithEnvironment("BROWSER", "none")
            .WithIconName("Globe");

        // Installing on every start would cost half a minute; a fresh clone installs once, visibly, as its own resource.
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var install = builder.AddExecutable($"{name}-install", "npm", directory, "ci", "--no-audit", "--no-fund")
                .WithIconName("ArrowDownload");
            app.WaitForCompletion(install);
        }

        return app;
    }
}
