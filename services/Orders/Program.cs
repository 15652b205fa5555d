using ECommerce.Orders.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrdersServices();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOrdersApis();

await app.MigrateOrdersDatabaseAsync();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
