// GetEnvironmentVariableValuesAsync/GetArgumentValuesAsync evaluate the model without starting it; their replacement
// (ExecutionConfigurationBuilder) needs a running app, which these model-level tests deliberately avoid.
#pragma warning disable CS0618

using ECommerce.AppHost.Infrastructure;

namespace ECommerce.AppHost.Tests;

/// <summary>The app model, built but not started: every service gets the same connection-string names in every mode.</summary>
public class InfrastructureWiringTests
{
    private static readonly Dictionary<string, string?> ServiceDatabases = new()
    {
        ["products"] = "productsdb",
        ["payments"] = "paymentsdb",
        ["users"] = "usersdb",
        ["ai"] = "aidb",
        ["orders"] = "ordersdb",
        ["notifications"] = "notificationsdb",
        ["gateway"] = null,
    };

    [Theory]
    [InlineData("external")]
    [InlineData("local")]
    public async Task Every_service_gets_its_database_the_cache_and_messaging_by_the_same_names(string mode)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ecommerce-wiring-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
                ["--infra", mode, "--Infrastructure:DataDirectory", dataDirectory], TestContext.Current.CancellationToken);

            foreach (var (service, database) in ServiceDatabases)
            {
                var project = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == service);
                // Publish evaluation yields each value as a manifest expression, without allocating endpoints.

                var environment = await project.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

                var connectionStrings = environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToHashSet();

                if (database is null)
                {
                    Assert.Empty(connectionStrings);
                    continue;
                }

                Assert.Contains($"ConnectionStrings__{database}", connectionStrings);
                Assert.Contains("ConnectionStrings__cache", connectionStrings);
                Assert.Contains("ConnectionStrings__messaging", connectionStrings);
            }

            var expectedResources = AppInfrastructure.DatabaseNames.Append("cache").Append("messaging");
            var names = builder.Resources.Select(r => r.Name).ToHashSet();
            Assert.All(expectedResources, name => Assert.Contains(name, names));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Local_mode_creates_a_postgres_cluster_in_the_data_directory_on_first_start()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ecommerce-initdb-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
                ["--infra", "local", "--Infrastructure:DataDirectory", dataDirectory], TestContext.Current.CancellationToken);

            Assert.True(File.Exists(Path.Combine(dataDirectory, "postgres", "PG_VERSION")));
            Assert.True(File.Exists(Path.Combine(dataDirectory, "postgres.password")));
            Assert.Contains(builder.Resources, r => r is LocalPostgresResource);
            Assert.Contains(builder.Resources, r => r is LocalRedisResource);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Without_redis_server_local_mode_runs_garnet_from_the_tool_manifest()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ecommerce-garnet-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
                ["--infra", "local", "--Infrastructure:DataDirectory", dataDirectory, "--Infrastructure:RedisServerPath", "/nonexistent/redis-server"],
                TestContext.Current.CancellationToken);

            var cache = builder.Resources.OfType<LocalRedisResource>().Single();
            Assert.Equal("dotnet", cache.Command);
            var args = await cache.GetArgumentValuesAsync(DistributedApplicationOperation.Publish);
            Assert.Equal(["tool", "run", "garnet-server"], args.Take(3));
            Assert.Contains("--aof", args);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Forcing_containers_without_a_runtime_fails_fast_with_a_clear_message()
    {
        Assert.SkipWhen(ContainerRuntime.Detect() is not null, "A container runtime answers on this machine.");
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(["--infra", "containers"], TestContext.Current.CancellationToken));

        var message = error is InfrastructureException ? error.Message : error.ToString();
        Assert.Contains("no container runtime answers", message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), "It must fail fast, not wait.");
    }
}
