using ECommerce.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseDefaultProblemDetails();
app.UseCorrelationId();
app.UseRequestSizeLimit();
app.UseCors(GatewayExtensions.StorefrontCorsPolicy);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapReverseProxy();
app.MapStorefront();

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
