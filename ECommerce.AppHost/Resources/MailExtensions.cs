namespace ECommerce.AppHost.Resources;

/// <summary>
/// E-mail for the Notifications service. Running, smtp4dev (the <c>Rnwood.Smtp4dev</c> dotnet tool of
/// .config/dotnet-tools.json) is the SMTP server: every mail lands in its web inbox, linked from the dashboard, and
/// its API (<c>GET /api/messages</c>) is what the whole-system tests read. Both ports are allocated by Aspire. Deployed,
/// the SMTP settings are Key Vault secrets (Azure Communication Services' SMTP relay by default, docs/deploy.md).
/// </summary>
public static class MailExtensions
{
    public const string SmtpEndpointName = "smtp";

    /// <summary>
    /// In-memory store, no IMAP/POP3, and none of a developer's own smtp4dev settings. It keeps 10,000 messages instead
    /// of its default 100: a few minutes of load test mail a few hundred shoppers, whose mails would push a test's
    /// (or a developer's) own mails out of the inbox.
    /// </summary>
    private static readonly string[] FixedArguments =
        ["--imapport=", "--pop3port=", "--db=", "--nousersettings", "--hostname=localhost", "--messagestokeep=10000"];

    /// <summary>Adds smtp4dev in run mode; null when publishing (no local mail server is deployed).</summary>
    public static IResourceBuilder<ExecutableResource>? AddDevelopmentMailServer(this IDistributedApplicationBuilder builder, string name = "smtp4dev")
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return null;
        }

        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var server = builder.AddExecutable(name, "dotnet", repositoryRoot, "tool", "run", "smtp4dev", "--");
        // A fresh clone has not restored the repository's dotnet tools: do it first, visibly, as its own resource, so the
        // README's one run command is enough (a no-op taking a second once they are restored).
        var restore = builder.AddExecutable($"{name}-tools", "dotnet", repositoryRoot, "tool", "restore").WithIconName("ArrowDownload");
        server.WaitForCompletion(restore);
        // Not proxied: smtp4dev listens on exactly the ports it is told, so the dashboard's link is the inbox itself.
        server.WithHttpEndpoint(name: "http", isProxied: false)
            .WithEndpoint(SmtpEndpointName, e =>
            {
                e.UriScheme = "smtp";
                e.Transport = "tcp";
                e.IsProxied = false;
            })
            .WithArgs(ctx =>
            {
                var web = server.GetEndpoint("http");
                var smtp = server.GetEndpoint(SmtpEndpointName);
                // "localhost", not 127.0.0.1: Kestrel then listens on both loopbacks, and the dashboard's and health check's
                // http://localhost:… may resolve to ::1 first.
                ctx.Args.Add(ReferenceExpression.Create($"--urls=http://localhost:{web.Property(EndpointProperty.TargetPort)}"));
                ctx.Args.Add(ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"));
                foreach (var arg in FixedArguments)
                {
                    ctx.Args.Add(arg);
                }
            })
            .WithHttpHealthCheck("/api/messages?pageSize=1")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Inbox")
            .WithIconName("Mail");
        return server;
    }

    /// <summary>Points the service's <c>Notifications:Smtp</c> at the development mail server (run mode only).</summary>
    public static IResourceBuilder<ProjectResource> WithMailServer(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ExecutableResource>? server)
    {
        if (server is null)
        {
            return service;
        }

        var smtp = server.GetEndpoint(SmtpEndpointName);
        return service
            .WithEnvironment("Notifications__Smtp__Host", smtp.Property(EndpointProperty.Host))
            .WithEnvironment("Notifications__Smtp__Port", smtp.Property(EndpointProperty.Port))
            // No WaitFor: a mail queued before the server is up is simply retried, and the service need not start later.
            .WithEnvironment("Notifications__Smtp__Security", "None");
    }
}
