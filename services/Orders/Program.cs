using ECommerce.Orders.Admin;
using ECommerce.Orders.Browse;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Clients;
using ECommerce.Orders.Fulfilment;
using ECommerce.Orders.Internal;
using ECommerce.Orders.Lifecycle;
using ECommerce.Orders.Persistence;
using ECommerce.Orders.Pricing;
using ECommerce.Orders.Review;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<OrdersDbContext, WebApplicationBuilder>("ordersdb");
builder.Services.AddSingleton(TimeProvider.System);
builder.AddServiceClients();
builder.AddPricing();
builder.AddCarts();
builder.AddCheckout();
builder.AddOrderLifecycle();
builder.AddFulfilment();
builder.AddOrderBrowsing();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapCarts();
app.MapCartQuote();
app.MapDeliveryQuote();
app.MapCheckout();
app.MapRetryPayment();
app.MapGuestCheckout();
app.MapMyOrders();
app.MapGuestOrders();
app.MapAdmin();
app.MapFulfilment();
app.MapShippingMethods();
app.MapPromotions();
app.MapRiskReview();
app.MapInternalOrders();

await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
