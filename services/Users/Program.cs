using ECommerce.Users;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddUsersServices();

var app = builder.Build();

app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapUsersApi();

await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
