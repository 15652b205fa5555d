// GetEnvironmentVariableValuesAsync evaluates the model without starting it (see InfrastructureWiringTests).
#pragma warning disable CS0618

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The app model, built but not started: run here, every service shares the machine's cores, so the gateway puts
/// checkout first (Gateway:CheckoutFirst, docs/reliability.md). The published manifest leaves it off; eng/check_deploy.py
/// fails a manifest or Container App template that turns it on.
/// </summary>
public class CheckoutFirstWiringTests
{
    [Fact]
    public async Task A_local_run_turns_the_gateways_checkout_first_rule_on()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ecommerce-checkout-first-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
                ["--infra", "external", "--Infrastructure:DataDirectory", dataDirectory], TestContext.Current.CancellationToken);
            var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");

            var environment = await gateway.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

            Assert.Equal("true", environment["Gateway__CheckoutFirst__Enabled"]);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
