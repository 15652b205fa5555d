// GetEnvironmentVariableValuesAsync evaluates the model without starting it (see InfrastructureWiringTests).
#pragma warning disable CS0618

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The app model, built but not started: the storefront has one port (no proxy in front of the dev server), and both
/// spellings of its address (the dashboard's localhost, Vite's 127.0.0.1) can sign in. The values are resolvable by
/// Auth: a reference to the dev server's target port is not (the orchestrator resolves it only for the server itself),
/// which is what the browser journeys in the whole-system tests would find.
/// </summary>
public class StorefrontClientWiringTests
{
    [Fact]
    public async Task Both_the_dashboard_url_and_vites_own_url_are_registered_redirect_and_post_logout_uris()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ecommerce-storefront-client-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ECommerce_AppHost>(
                ["--infra", "external", "--Infrastructure:DataDirectory", dataDirectory], TestContext.Current.CancellationToken);
            var auth = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "auth");
            var web = builder.Resources.Single(r => r.Name == "web");
            Assert.False(web.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").IsProxied);

            // Publish evaluation yields each value as a manifest expression, without allocating endpoints.
            var environment = await auth.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);

            Assert.Equal("{gateway.bindings.http.url}/auth/callback", environment["Auth__Storefront__RedirectUris__0"]);
            Assert.Equal("{web.bindings.http.url}/auth/callback", environment["Auth__Storefront__RedirectUris__1"]);
            Assert.Equal("http://127.0.0.1:{web.bindings.http.port}/auth/callback", environment["Auth__Storefront__RedirectUris__2"]);
            Assert.Equal("{web.bindings.http.url}/", environment["Auth__Storefront__PostLogoutRedirectUris__1"]);
            Assert.Equal("http://127.0.0.1:{web.bindings.http.port}/", environment["Auth__Storefront__PostLogoutRedirectUris__2"]);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
