using ECommerce.Security.Tests.Endpoints;
using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Security.Tests;

/// <summary>The matrix's own rule, checked on a tiny app: what counts as a decision, and that a fallback policy does not.</summary>
public sealed class EndpointCatalogTests
{
    [Fact]
    public async Task An_endpoint_without_a_decision_is_undecided_even_behind_a_fallback_policy()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy("customer", p => p.RequireAuthenticatedUser().RequireRole("customer", "admin"))
            .AddPolicy("admin", p => p.RequireAuthenticatedUser().RequireRole("admin"))
            .AddPolicy("service", p => p.RequireAuthenticatedUser().RequireRole("service"));
        await using var app = builder.Build();
        app.MapGet("/api/x/forgotten", () => "");
        app.MapGet("/api/x/open", () => "").AllowAnonymous();
        app.MapGet("/api/x/mine", () => "").RequireAuthorization("customer");
        app.MapGet("/api/x/all", () => "").RequireAuthorization("admin");
        app.MapGet("/api/x/roles", () => "").RequireAuthorization(new AuthorizeAttribute { Roles = "admin" });
        app.MapGet("/api/x/machines", () => "").RequireAuthorization("service");
        app.MapGet("/api/y/elsewhere", () => "");
        await app.StartAsync(TestContext.Current.CancellationToken); // the data source is filled when the pipeline is built
        await using var service = new HostedService("x", app, app.Services, () => new HttpClient(), "", "/api/x");

        var access = (await EndpointCatalog.ReadAsync(service)).ToDictionary(e => e.Route, e => e.Access);

        Assert.Equal(
            new Dictionary<string, Access>
            {
                ["/api/x/forgotten"] = Access.Undecided,
                ["/api/x/open"] = Access.Anonymous,
                ["/api/x/mine"] = Access.Customer,
                ["/api/x/all"] = Access.Admin,
                ["/api/x/roles"] = Access.Admin,
                ["/api/x/machines"] = Access.OtherRole,
            },
            access);
    }
}
