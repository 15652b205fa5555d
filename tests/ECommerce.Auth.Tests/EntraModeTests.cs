using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Tests;

/// <summary>
/// A service configured with an <c>AzureAd</c> section validates Microsoft Entra ID tokens through Microsoft.Identity.Web.
/// Entra's JWKS is replaced by a locally generated key (the test has no network); everything else — the issuer
/// validator, audience, the scope-or-role requirement, the policies — is the production code path.
/// </summary>
public sealed class EntraModeTests : IAsyncLifetime
{
    private const string TenantId = "7d2f3c41-52a5-4c1e-9b0a-0c9f1e2d3a4b";
    private const string ClientId = "5e1b8a90-3c2d-4f6e-8a7b-1d2c3e4f5a6b";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private readonly RsaSecurityKey _entraKey = new(RSA.Create(2048)) { KeyId = "entra-test-key" };
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = TenantId,
            ["AzureAd:ClientId"] = ClientId,
            // Also configured, and ignored in Entra mode: the local issuer.
            ["Authentication:Authority"] = "http://auth.local/",
        });
        builder.AddDefaultAuthentication();
        // Identity.Web's issuer validator reads Entra's metadata through this named client: answer it locally.
        builder.Services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = "entra-metadata");
        builder.Services.AddHttpClient("entra-metadata").ConfigurePrimaryHttpMessageHandler(() => new LocalEntraMetadata(_entraKey));
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(_entraKey);
            options.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/customer", (ClaimsPrincipal user) => user.FindFirstValue("sub")).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        _app.MapGet("/admin", () => "ok").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        await _app.StartAsync(Ct);
        _client = _app.GetTestClient();
    }

    [Fact]
    public void The_AzureAd_section_binds_to_the_v2_authority_and_client()
    {
        var identity = _app.Services.GetRequiredService<IOptionsMonitor<MicrosoftIdentityOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var bearer = _app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(TenantId, identity.TenantId);
        Assert.Equal(ClientId, identity.ClientId);
        Assert.Equal(Issuer, bearer.Authority);
        Assert.Equal("roles", bearer.TokenValidationParameters.RoleClaimType);
    }

    [Fact]
    public async Task An_entra_token_with_the_admin_app_role_passes_both_policies()
    {
        var token = EntraToken(roles: ["admin"]);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/admin", token));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/customer", token));
    }

    [Fact]
    public async Task An_entra_customer_is_refused_the_admin_policy()
    {
        var token = EntraToken(roles: ["customer"]);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/customer", token));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/admin", token));
    }

    [Fact]
    public async Task An_entra_token_for_another_audience_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/customer", EntraToken(roles: ["customer"], audience: "api://someone-else")));

    [Fact]
    public async Task An_entra_shaped_token_signed_by_an_unknown_key_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/customer", EntraToken(roles: ["customer"], key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "entra-test-key" })));

    [Fact]
    public async Task A_token_from_the_local_issuer_is_rejected_in_entra_mode() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/customer", EntraToken(roles: ["customer"], issuer: "http://auth.local/")));

    [Fact]
    public async Task An_expired_entra_token_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("/customer", EntraToken(roles: ["customer"], expires: DateTime.UtcNow.AddMinutes(-10))));

    private string EntraToken(string[] roles, string audience = ClientId, SecurityKey? key = null, string? issuer = null, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", "entra-subject-1"),
                new Claim("oid", Guid.NewGuid().ToString()),
                new Claim("tid", TenantId),
                new Claim("name", "Entra User"),
                new Claim("scp", "access_as_user"),
                new Claim("ver", "2.0"),
                .. roles.Select(r => new Claim("roles", r)),
            ]),
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key ?? _entraKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await _client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
