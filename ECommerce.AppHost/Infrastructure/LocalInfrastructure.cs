using System.Security.Cryptography;
using HealthChecks.NpgSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ECommerce.AppHost.Infrastructure;

/// <summary>
/// Local mode: PostgreSQL and Redis (or Garnet) as executable resources from the machine's binaries, with data under a
/// git-ignored folder, ports allocated by Aspire so a developer's run and a test run never clash, and health checks so
/// <c>WaitFor</c> works exactly as it does for containers.
/// </summary>
internal static class LocalInfrastructure
{
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, string dataRoot)
    {
        var installation = PostgresInstallation.Find(builder.Configuration["Infrastructure:PostgresBinDirectory"]);
        var dataDirectory = Path.Combine(dataRoot, "postgres");
        var password = ReadOrCreateSecret(Path.Combine(dataRoot, "postgres.password"));
        installation.EnsureCluster(dataDirectory, password);

        var (file, prefix) = installation.ServerCommand();
        var passwordParameter = builder.AddParameter($"{name}-password", password, secret: true);
        var server = new LocalPostgresResource(name, file, dataRoot, passwordParameter.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct));

        var healthKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthKey,
            _ => new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(connectionString ?? throw new InvalidOperationException("Connection string not yet known."))),
            failureStatus: null, tags: null));

        // Not behind DCP's proxy: every statement of every service would cross it twice (perf put the proxy at about a
        // tenth of the system's CPU per checkout), and one server has no replicas to balance. A port of its own instead,
        // the same across the server's restarts in this run.
        var serverPort = FreeLoopbackPort();
        return builder.AddResource(server)
            .WithEndpoint(LocalPostgresResource.EndpointName, e =>
            {
                e.UriScheme = "tcp";
                e.Transport = "tcp";
                e.IsProxied = false;
                e.Port = serverPort;
                e.TargetPort = serverPort;
            })
            .WithArgs(ctx =>
            {
                foreach (var arg in prefix)
                {
                    ctx.Args.Add(arg);
                }

                var port = server.Endpoint.Property(EndpointProperty.TargetPort);
                foreach (var arg in PostgresInstallation.ServerArguments(dataDirectory, "{port}").Concat(installation.StatementStatisticsArguments()))
                {
                    ctx.Args.Add(arg == "{port}" ? port : arg);
                }
            })
            .WithHealthCheck(healthKey)
            .WithRestartOnExit()
            .WithIconName("Database");
    }

    /// <summary>A loopback port nothing listens on now (the kernel's pick), for a server that is not behind a proxy.</summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddLocalDatabase(
        this IResourceBuilder<LocalPostgresResource> server, string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (@event, ct) =>
        {
            var serverConnectionString = await server.Resource.ConnectionStringExpression.GetValueAsync(ct);
            await CreateDatabaseIfMissingAsync(serverConnectionString!, database.DatabaseName, ct);
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct);
            await @event.Services.GetRequiredService<ResourceNotificationService>()
                .PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running });
        });

        var healthKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthKey,
            _ => new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(connectionString ?? throw new InvalidOperationException("Database not yet created."))),
            failureStatus: null, tags: null));

        return builder.AddResource(database)
            .WithParentRelationship(server)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new("postgres.database", database.DatabaseName)],
            })
            .WithHealthCheck(healthKey);
    }

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, string dataRoot, string repositoryRoot)
    {
        var dataDirectory = Path.Combine(dataRoot, "redis");
        Directory.CreateDirectory(dataDirectory);
        var password = ReadOrCreateSecret(Path.Combine(dataRoot, "redis.password"));
        var passwordParameter = builder.AddParameter($"{name}-password", password, secret: true);

        // Infrastructure:CacheServer = auto (redis-server where installed, else Garnet), redis or garnet.
        var requested = builder.Configuration["Infrastructure:CacheServer"] ?? "auto";
        var redisServer = requested.Equals("garnet", StringComparison.OrdinalIgnoreCase)
            ? null
            : FindOnPath("redis-server", builder.Configuration["Infrastructure:RedisServerPath"]);
        if (redisServer is null && requested.Equals("redis", StringComparison.OrdinalIgnoreCase))
        {
            throw new InfrastructureException("Infrastructure:CacheServer is 'redis' but redis-server is not installed: apt-get install -y redis-server.");
        }

        var useGarnet = redisServer is null;
        // Garnet (a Redis-compatible server shipped as a .NET tool) keeps the store runnable on a machine with only the SDK.
        var resource = useGarnet
            ? new LocalRedisResource(name, "dotnet", repositoryRoot, passwordParameter.Resource)
            : new LocalRedisResource(name, redisServer!, dataDirectory, passwordParameter.Resource);

        if (useGarnet)
        {
            RestoreDotnetTools(repositoryRoot);
        }

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));

        var healthKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(_ => connectionString ?? throw new InvalidOperationException("Connection string not yet known."), name: healthKey);

        return builder.AddResource(resource)
            .WithEndpoint(LocalRedisResource.EndpointName, e =>
            {
                e.UriScheme = "tcp";
                e.Transport = "tcp";
                e.IsProxied = true;
            })
            .WithArgs(ctx =>
            {
                var port = resource.Endpoint.Property(EndpointProperty.TargetPort);
                if (useGarnet)
                {
                    foreach (var arg in GarnetArguments(dataDirectory, password))
                    {
                        ctx.Args.Add(arg);
                    }

                    ctx.Args.Add(port);
                    return;
                }

                foreach (var arg in new[] { "--bind", "127.0.0.1", "--dir", dataDirectory, "--appendonly", "yes", "--appendfsync", "everysec", "--requirepass", password, "--port" })
                {
                    ctx.Args.Add(arg);
                }

                ctx.Args.Add(port);
            })
            .WithHealthCheck(healthKey)
            .WithRestartOnExit()
            .WithIconName("Memory");
    }

    /// <summary>
    /// Garnet with its append-only file on the managed RandomAccess device: the default device on Linux is the native
    /// one, which loads libaio.so.1 on the first flush (a fresh Debian 12 lacks it) and then kills the server about
    /// two minutes after start. RandomAccess needs nothing outside .NET. <c>--recover</c> replays the file at start,
    /// so what the cache holds survives a restart as it does with redis-server's AOF.
    /// </summary>
    internal static IEnumerable<string> GarnetArguments(string dataDirectory, string password) =>
    [
        "tool", "run", "garnet-server", "--",
        "--bind", "127.0.0.1",
        "--device-type", "RandomAccess",
        "--aof", "--recover",
        "--checkpointdir", dataDirectory,
        "--auth", "Password", "--password", password,
        "--port",
    ];

    private static async Task CreateDatabaseIfMissingAsync(string serverConnectionString, string databaseName, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", databaseName);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        // Identifiers cannot be parameters; the name is ours (from the AppHost), quoted to be safe.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created concurrently: fine.
        }
    }

    /// <summary>A per-machine secret kept beside the data it protects (git-ignored), so restarts reuse the same cluster.</summary>
    private static string ReadOrCreateSecret(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }

    private static string? FindOnPath(string program, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }

    private static void RestoreDotnetTools(string repositoryRoot)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", ["tool", "restore"]) { WorkingDirectory = repositoryRoot };
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InfrastructureException("Could not run 'dotnet tool restore'.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InfrastructureException("redis-server is not installed and 'dotnet tool restore' (for Garnet) failed. " +
                "Install Redis with 'apt-get install -y redis-server' or check NuGet access.");
        }
    }
}
