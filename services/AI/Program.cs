using ECommerce.AI.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAiServices();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapAiApis();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
