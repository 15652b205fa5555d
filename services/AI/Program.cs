using ECommerce.AI;
using ECommerce.AI.Training;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAiServices();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapAiEndpoints();
app.MapDashboardCommand("train-models", TrainingCommand.RunAsync);
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
