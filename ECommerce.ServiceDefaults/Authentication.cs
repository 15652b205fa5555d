using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace Microsoft.Extensions.Hosting;

/// <summary>Bearer-token validation and the named authorization policies every service shares.</summary>
public static class AuthenticationDefaults
{
    public const string CustomerPolicy = "customer";
    public const string AdminPolicy = "admin";

    /// <summary>Another service calling as itself (a client-credentials token, role "service"): internal reads only.</summary>
    public const string ServicePolicy = "service";

    /// <summary>The audience every access token of the store carries.</summary>
    public const string DefaultAudience = "ecommerce-api";

    /// <summary>Section for the store's own issuer (the Auth service).</summary>
    public const string SectionName = "Authentication";

    /// <summary>Section that switches validation to Microsoft Entra ID (Microsoft.Identity.Web).</summary>
    public const string AzureAdSectionName = "AzureAd";

    internal const string MetadataClientName = "authentication-metadata";

    /// <summary>
    /// JwtBearer for every service, one of two ways:
    /// <list type="bullet">
    /// <item>the Auth service (default): <c>Authentication:Authority</c> is the fixed issuer tokens carry (the public URL
    /// browsers use, through the gateway); <c>Authentication:MetadataAddress</c> is where this service fetches the
    /// discovery document and JWKS (Auth's internal address, found by service discovery); <c>Audience</c> defaults to
    /// <c>ecommerce-api</c>. Without an authority every protected endpoint answers 401 — the safe default.</item>
    /// <item>Microsoft Entra ID, when an <c>AzureAd</c> section with a <c>ClientId</c> exists (validation only).</item>
    /// </list>
    /// Either way tokens must be signed by a published key, unexpired, for our audience and from the expected issuer.
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        var azureAd = builder.Configuration.GetSection(AzureAdSectionName);
        if (!string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            authentication.AddMicrosoftIdentityWebApi(azureAd, JwtBearerDefaults.AuthenticationScheme);
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                // Entra puts app roles in "roles"; define app roles "customer" and "admin" on the API registration.
                options.TokenValidationParameters.RoleClaimType = "roles";
            });
        }
        else
        {
            builder.Services.AddHttpClient(MetadataClientName);
            authentication.AddJwtBearer();
            builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>>(sp => new ConfigureLocalIssuer(
                builder.Configuration.GetSection(SectionName), builder.Environment, sp.GetRequiredService<IHttpClientFactory>()));
        }

        builder.Services.AddAuthorizationBuilder()
            // Every signed-in shopper (admins are shoppers too); a service client's token (role "service") is not a customer.
            .AddPolicy(CustomerPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Customer, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(ServicePolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Service));

        return builder;
    }

    private sealed class ConfigureLocalIssuer(IConfigurationSection section, IHostEnvironment environment, IHttpClientFactory clients)
        : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme)
            {
                return;
            }

            var authority = section["Authority"];
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = "role";
            options.TokenValidationParameters.ValidAudience = section["Audience"] ?? DefaultAudience;
            options.TokenValidationParameters.ClockSkew = section.GetValue("ClockSkew", TimeSpan.FromSeconds(30));
            options.RequireHttpsMetadata = !environment.IsDevelopment() && section.GetValue("RequireHttpsMetadata", true);
            if (string.IsNullOrWhiteSpace(authority))
            {
                return;
            }

            options.Authority = authority;
            // The issuer is compared as configured, with or without its trailing slash.
            options.TokenValidationParameters.ValidIssuers = [authority, authority.TrimEnd('/'), authority.TrimEnd('/') + "/"];
            if (section["MetadataAddress"] is { Length: > 0 } metadata)
            {
                options.MetadataAddress = metadata;
            }

            // Through the factory, so "http://auth" resolves by service discovery and the call is traced.
            options.Backchannel = clients.CreateClient(MetadataClientName);
            options.AutomaticRefreshInterval = TimeSpan.FromHours(1);
            options.RefreshInterval = TimeSpan.FromSeconds(30);
        }

        public void Configure(JwtBearerOptions options) => Configure(Microsoft.Extensions.Options.Options.DefaultName, options);
    }
}
