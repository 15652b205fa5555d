using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one-shot migration step every service binary offers: <c>dotnet ECommerce.Orders.dll migrate</c> (or
/// <c>Database:MigrateOnly=true</c>) applies the migrations and seeders of every database the service registered with
/// <c>AddServiceDatabase</c> and exits 0, or non-zero when anything fails, without listening or starting background
/// work. Deployed, each app runs it from its own image as an init container before the service starts (docs/operations.md).
/// </summary>
public static partial class MigrationStep
{
    /// <summary>The command-line verb: <c>migrate</c> as the first argument.</summary>
    public const string Verb = "migrate";

    /// <summary>Configuration key with the same effect as the verb, for hosts that pass settings rather than arguments.</summary>
    public const string MigrateOnlyKey = "Database:MigrateOnly";

    public static bool IsRequested(IConfiguration configuration, string[] args) =>
        (args.Length > 0 && string.Equals(args[0], Verb, StringComparison.OrdinalIgnoreCase)) || configuration.GetValue<bool>(MigrateOnlyKey);

    /// <summary>
    /// A service's last line: runs the service, or, when the migration step was asked for, migrates and exits with its
    /// result as the process exit code.
    /// </summary>
    public static async Task RunOrMigrateAsync(this WebApplication app, string[] args)
    {
        if (!IsRequested(app.Configuration, args))
        {
            await app.RunAsync();
            return;
        }

        Environment.ExitCode = await app.Services.MigrateServiceDatabasesAsync();
        // Disposing flushes the log and telemetry providers, so the step's outcome reaches the platform's log.
        await app.DisposeAsync();
    }

    /// <summary>Migrates and seeds every registered database in turn; 0 when all succeeded, 1 (logged) when one failed.</summary>
    public static async Task<int> MigrateServiceDatabasesAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationStep).FullName!);
        var databases = services.GetServices<ServiceDatabaseMigration>().ToList();
        var clock = Stopwatch.StartNew();
        foreach (var database in databases)
        {
            try
            {
                await database.MigrateAsync(services, ct);
            }
            catch (Exception e)
            {
                LogFailed(logger, e, database.Name);
                return 1;
            }
        }

        LogDone(logger, databases.Count, clock.ElapsedMilliseconds);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migration step failed on {Database}; the service must not start on this schema")]
    private static partial void LogFailed(ILogger logger, Exception exception, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration step done: {Count} database(s) migrated and seeded in {ElapsedMs} ms")]
    private static partial void LogDone(ILogger logger, int count, long elapsedMs);
}
