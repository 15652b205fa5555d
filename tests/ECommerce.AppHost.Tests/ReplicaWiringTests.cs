namespace ECommerce.AppHost.Tests;

/// <summary>The app model, built but not started: the replica count reaches every service (Aspire's ReplicaAnnotation).</summary>
public class ReplicaWiringTests
{
    private static readonly string[] Services = ["auth", "products", "payments", "users", "orders", "ai", "notifications", "gateway"];

    [Fact]
    public async Task Replicas_2_runs_two_processes_of_every_service_and_a_per_service_count_wins()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "external", "--Replicas", "2", "--Replicas:orders", "3"], TestContext.Current.CancellationToken);

        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);
        Assert.Equal(Services.Order(), projects.Keys.Order());
        Assert.All(Services.Where(s => s != "orders"), s => Assert.Equal(2, Replicas(projects[s])));
        Assert.Equal(3, Replicas(projects["orders"]));
        // The infrastructure stays one of each: one database server, one cache.
        Assert.All(builder.Resources.Where(r => r is not ProjectResource), r => Assert.Equal(1, Replicas(r)));
    }

    /// <summary>What Aspire's orchestrator reads: the last ReplicaAnnotation, else one.</summary>
    private static int Replicas(IResource resource) => resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    [Fact]
    public async Task Without_a_count_every_service_runs_once()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "external"], TestContext.Current.CancellationToken);

        Assert.All(builder.Resources.OfType<ProjectResource>(), p => Assert.False(p.Annotations.OfType<ReplicaAnnotation>().Any(), p.Name));
    }

    [Fact]
    public async Task A_service_run_once_listens_on_a_port_of_its_own_and_replicas_or_the_gateway_stay_behind_the_proxy()
    {
        await using (var single = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "external", "--Replicas:orders", "2"], TestContext.Current.CancellationToken))
        {
            var endpoints = single.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name, Http);
            // No port of its own either: the launch profile's would clash with a developer's run, so DCP allocates one at start.
            Assert.All(Services.Where(s => s is not ("gateway" or "orders")), s =>
            {
                Assert.False(endpoints[s].IsProxied, s);
                Assert.Null(endpoints[s].Port);
                Assert.Null(endpoints[s].TargetPort);
            });
            // Two processes of Orders share one address only through the proxy; the gateway keeps its well-known port.
            Assert.True(endpoints["orders"].IsProxied);
            Assert.True(endpoints["gateway"].IsProxied);
            Assert.Equal(5080, endpoints["gateway"].Port);
        }
    }

    private static EndpointAnnotation Http(IResource resource) => resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    public async Task A_count_that_is_not_a_whole_number_from_1_fails_with_the_setting_named(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "external", "--Replicas:ai", value], TestContext.Current.CancellationToken));

        Assert.Contains("Replicas:ai must be a whole number from 1 to 16", error.ToString(), StringComparison.Ordinal);
    }
}
