using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Bearer-token validation and the named authorization policies every service shares.</summary>
public static class AuthenticationDefaults
{
    public const string CustomerPolicy = "customer";
    public const string AdminPolicy = "admin";

    /// <summary>
    /// JwtBearer against the issuer in <c>Authentication:Authority</c> (the Auth service). Without an authority every
    /// protected endpoint answers 401, which is the safe default for a service that has not been wired to one yet.
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection("Authentication");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = section["Authority"];
                options.Audience = section["Audience"];
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopment() && section.GetValue("RequireHttpsMetadata", true);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CustomerPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole("admin"));

        return builder;
    }
}
