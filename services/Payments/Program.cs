using ECommerce.Payments.Apis;
using ECommerce.Payments.CardData;
using ECommerce.Payments.Data;
using ECommerce.Payments.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPaymentsServices();

var app = builder.Build();

app.UseDefaultProblemDetails();
app.UseMiddleware<CardDataRejectionMiddleware>();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapPaymentsConfigApi();
app.MapStripeWebhookApi();
app.MapMyPaymentsApi();
app.MapPaymentsAdminApi();

await app.Services.EnsurePaymentsSchemaAsync();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
