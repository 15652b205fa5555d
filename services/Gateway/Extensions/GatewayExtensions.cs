using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ECommerce.Gateway.Extensions;

/// <summary>Registers the reverse proxy with service discovery, CORS, rate limits, request limits and downstream health.</summary>
public static class GatewayExtensions
{
    public const string StorefrontCorsPolicy = "storefront";

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();

        // Requests larger than this are refused at the edge; routes that take uploads raise it in their own config.
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            // Kestrel reads non-ASCII header values as UTF-8; HttpClient refuses to send them unless told an encoding, which
            // made every such request a 502. Forwarding the same UTF-8 bytes keeps the proxy transparent: the service
            // answers exactly as it would to a direct call (and validates the value like any other input).
            .ConfigureHttpClient((_, handler) => handler.RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8);

        builder.Services.AddCors(cors => cors.AddPolicy(StorefrontCorsPolicy, policy => policy
            .WithOrigins(options.Cors.Origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("ETag", "Retry-After", CorrelationId.HeaderName, "Location")
            .AllowCredentials()));

        builder.Services.AddGatewayRateLimiting(options.RateLimiting);
        builder.Services.AddCheckoutFirst();
        builder.Services.AddDownstreamHealth(builder.Configuration);
        return builder;
    }
}
