using ECommerce.Payments;
using ECommerce.Payments.Admin;
using ECommerce.Payments.Authentication;
using ECommerce.Payments.CardData;
using ECommerce.Payments.GuestPayments;
using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Refunds;
using ECommerce.Payments.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPaymentsServices();
builder.AddGuestPayments();

var app = builder.Build();

app.UseDefaultProblemDetails();
app.UseMiddleware<CardDataRejectionMiddleware>();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapPaymentsConfigEndpoints();
app.MapStripeWebhookEndpoints();
app.MapMyPaymentsEndpoints();
app.MapPaymentAuthenticationEndpoints();
app.MapGuestPaymentEndpoints();
app.MapPaymentHistoryEndpoints();
app.MapRefundEndpoints();

await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
