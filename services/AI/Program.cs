using ECommerce.AI;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAiServices();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapAiEndpoints();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
