using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.AppHost.Tests;

[Collection(WholeSystemCollection.Name)]
public class WholeSystemTests(WholeSystemFixture system)
{
    [Fact]
    public async Task The_gateway_routes_to_a_service_found_by_discovery()
    {
        using var client = system.CreateGatewayClient();

        using var response = await client.GetAsync("/api/products?limit=2", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        // The development seed gives the real Products service a catalog to answer from.
        Assert.Equal(2, body.GetProperty("items").GetArrayLength());
        Assert.True(body.GetProperty("facets").GetProperty("total").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_listed_products_image_is_served_through_the_gateway_from_blob_storage()
    {
        using var client = system.CreateGatewayClient();
        var ct = TestContext.Current.CancellationToken;

        var list = await client.GetFromJsonAsync<JsonElement>("/api/products?limit=1", ct);
        var imageUrl = list.GetProperty("items")[0].GetProperty("imageUrl").GetString();

        // A seeded product has no upload: its illustration is drawn, stored in Azurite and served like an upload.
        Assert.NotNull(imageUrl);
        using var response = await client.GetAsync(imageUrl, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.True(bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8, "the body is a JPEG");
    }

    [Fact]
    public async Task The_gateway_health_reports_each_downstream_service()
    {
        using var client = system.CreateGatewayClient();

        // A service's first /health after start (JIT, first database round trips) may outlast the gateway's 5 s
        // probe timeout on a loaded machine; the gateway must report every service Healthy once they are warm.
        var health = await client.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        for (var attempt = 0; attempt < 12 && health.GetProperty("status").GetString() != "Healthy"; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            health = await client.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        }

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in WholeSystemFixture.ResourceNames.Where(WholeSystemFixture.IsService).Where(s => s != "gateway"))
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(service).GetString());
        }
    }

    [Fact]
    public async Task A_caller_correlation_id_is_echoed_and_a_missing_one_is_created()
    {
        using var client = system.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/categories");
        request.Headers.Add("X-Correlation-Id", "checkout-42");

        using var echoed = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var created = await client.GetAsync("/api/products/categories", TestContext.Current.CancellationToken);

        Assert.Equal("checkout-42", echoed.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", created.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_details_404()
    {
        using var client = system.CreateGatewayClient();

        using var response = await client.GetAsync("/api/nowhere", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Every_service_runs_as_its_built_assembly_with_no_dotnet_run_beside_it()
    {
        foreach (var service in WholeSystemFixture.ResourceNames.Where(WholeSystemFixture.IsService))
        {
            Assert.True(system.App.ResourceNotifications.TryGetCurrentState(service, out var state), service);
            var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value?.ToString();
            Assert.False(string.IsNullOrEmpty(pid), $"{service} reports no pid");

            // The process the orchestrator started and reports is the service itself: dotnet exec <its assembly>.
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(command is [_, "exec", var assembly] && assembly.Contains("/bin/Release/", StringComparison.Ordinal)
                && assembly.EndsWith(".dll", StringComparison.Ordinal), $"{service}: {string.Join(' ', command)}");

            // And nothing it runs under is a dotnet run (the parent is the orchestrator).
            var parent = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ')[1];
            var parentCommand = File.ReadAllText($"/proc/{parent}/cmdline").Replace('\0', ' ');
            Assert.DoesNotContain(" run --project", parentCommand, StringComparison.Ordinal);
        }
    }
}
