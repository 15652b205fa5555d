// Placeholder for the Products service until its issue lands: proves routing through the gateway end to end.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.MapDefaultEndpoints();
app.MapGet("/api/products/_service", () => TypedResults.Ok(new { service = "products", status = "placeholder" })).AllowAnonymous();
app.Run();
