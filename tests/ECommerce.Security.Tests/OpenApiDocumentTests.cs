using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ECommerce.Security.Tests;

/// <summary>
/// The storefront's API types are generated from each service's OpenAPI document, committed under web/src/api/openapi/
/// (docs/storefront.md). This suite hosts every service already, so it is where a stale document is caught: a changed
/// request or response record fails here until the document is refreshed with
/// <c>OPENAPI_UPDATE=1 dotnet test --project tests/ECommerce.Security.Tests --filter-class '*OpenApiDocumentTests'</c>
/// and the types with <c>npm run api:types --prefix web</c> (whose check runs in <c>npm test</c>).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class OpenApiDocumentTests(SecurityFixture hosts)
{
    public static TheoryData<string> StorefrontServices => ["products", "users", "orders", "payments", "ai", "notifications"];

    [Theory]
    [MemberData(nameof(StorefrontServices))]
    public async Task The_committed_OpenAPI_document_is_what_the_service_describes(string service)
    {
        var host = hosts.All.Single(s => string.Equals(s.Name, service, StringComparison.OrdinalIgnoreCase));
        var document = await host.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1")
            .GetOpenApiDocumentAsync(TestContext.Current.CancellationToken);
        var actual = Canonical(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, TestContext.Current.CancellationToken));
        var path = Path.Combine(RepositoryRoot(), "web", "src", "api", "openapi", $"{service}.json");

        if (Environment.GetEnvironmentVariable("OPENAPI_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken) : "(missing)";
        Assert.True(committed == actual,
            $"{path} is not what {service} describes today. Refresh it with OPENAPI_UPDATE=1 dotnet test --project " +
            "tests/ECommerce.Security.Tests --filter-class '*OpenApiDocumentTests', then npm run api:types --prefix web, and commit both.");
    }

    /// <summary>Indented, LF line ends, without the servers list (the test host's random port is no part of the API).</summary>
    private static string Canonical(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ECommerce.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ECommerce.sln not found above " + AppContext.BaseDirectory);
    }
}
