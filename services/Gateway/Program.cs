using ECommerce.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseDefaultProblemDetails();
app.UseCorrelationId();
app.UseRequestSizeLimit();
app.UseCors(GatewayExtensions.StorefrontCorsPolicy);
// Authenticated before rate limiting, so a signed-in client is limited per account (its sub), not per address.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapDevelopmentOnlyPaths();
app.MapReverseProxy(proxy =>
{
    // Past the checkout service's saturation, a share of browsing is refused here (off unless Gateway:CheckoutFirst:Enabled).
    proxy.UseCheckoutFirst();
    // YARP's default pipeline.
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.MapStorefront();

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
