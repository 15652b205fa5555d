// GetEnvironmentVariableValuesAsync/GetArgumentValuesAsync evaluate the model without starting it (see InfrastructureWiringTests).
#pragma warning disable CS0618

using System.Net;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The storefront as the AppHost registers it: its production build (npm start) by default, the Vite dev server on
/// request, reaching the APIs only through the gateway.
/// </summary>
public class StorefrontWiringTests
{
    [Theory]
    [InlineData(new string[0], "start")]
    [InlineData(new[] { "--Web:Mode", "dev" }, "dev")]
    public async Task The_storefront_runs_its_npm_script_with_the_gateway_url_and_an_allocated_port(string[] arguments, string script)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
            ["--infra", "external", .. arguments], TestContext.Current.CancellationToken);

        var web = builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "web");
        var args = await web.GetArgumentValuesAsync(DistributedApplicationOperation.Publish);
        var environment = await web.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

        Assert.Equal("npm", web.Command);
        Assert.Equal(["run", script], args);
        Assert.Equal("{gateway.bindings.http.url}", environment["GATEWAY_URL"]);
        Assert.Equal("{web.bindings.http.targetPort}", environment["PORT"]);
        Assert.EndsWith("web", web.WorkingDirectory, StringComparison.Ordinal);
        Assert.NotEmpty(web.Annotations.OfType<HealthCheckAnnotation>());
    }
}

[Collection(WholeSystemCollection.Name)]
public class StorefrontTests(WholeSystemFixture system)
{
    [Fact]
    public async Task The_storefront_serves_the_app_shell_and_proxies_the_api_to_the_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        // Healthy once it serves: the first start builds the production bundle before it listens.
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("web", ct);
        using var client = system.App.CreateHttpClient("web");

        var shell = await Retry(() => client.GetAsync("/catalog", ct), ct);
        // An unknown API path: only the gateway answers it with problem details, whatever the services offer by then.
        using var api = await client.GetAsync("/api/nowhere", ct);

        Assert.Equal(HttpStatusCode.OK, shell.StatusCode);
        var html = await shell.Content.ReadAsStringAsync(ct);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        // The production bundle (hashed assets), not the dev server's module graph.
        Assert.Contains("/assets/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/@vite/client", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> Retry(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException) when (attempt < 60)
            {
                await Task.Delay(500, ct);
            }
        }
    }
}
