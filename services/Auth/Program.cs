using ECommerce.Auth.Apis;
using ECommerce.Auth.Extensions;
using ECommerce.Auth.Pages;
using ECommerce.Auth.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAuthService();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseDefaultProblemDetails();
app.UseProtocolErrorPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapAccountPages();
app.MapAccountApi();
app.MapAdminApi();
app.MapDevelopmentMailbox();

await app.InitializeAuthAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
