using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Apis;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Clients;
using ECommerce.Orders.Data;
using ECommerce.Orders.Events;
using ECommerce.Orders.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Extensions;

/// <summary>Everything the Orders service registers, kept out of Program.cs.</summary>
public static class OrdersServiceExtensions
{
    public static IHostApplicationBuilder AddOrdersServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("ordersdb")
            ?? throw new InvalidOperationException("Connection string 'ordersdb' is missing (the AppHost provides it in every mode).");
        builder.Services.AddDbContext<OrdersDbContext>(db => db.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "ordersdb", tags: ["ready"]);

        builder.Services.AddOptions<CartLimits>().BindConfiguration("Orders:Cart").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PricingRules>().BindConfiguration("Orders:Pricing").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OrderTimeouts>().BindConfiguration("Orders:Timeouts").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ServiceAddress>("products").BindConfiguration("Orders:Products").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ServiceAddress>("users").BindConfiguration("Orders:Users").ValidateDataAnnotations().ValidateOnStart();

        // Service discovery and the standard resilience handler come from ServiceDefaults' HttpClient defaults.
        builder.Services.AddHttpClient<ProductsClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ServiceAddress>>().Get("products").BaseAddress);
        builder.Services.AddHttpClient<UsersClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ServiceAddress>>().Get("users").BaseAddress);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CartStore>();
        builder.Services.AddHostedService<CartCleanupService>();
        builder.Services.AddScoped<CartService>();
        builder.Services.AddScoped<CheckoutService>();
        builder.Services.AddScoped<OrderWorkflow>();
        builder.Services.AddHostedService<OrderTimeoutService>();
        builder.Services.AddExceptionHandler<RetryableFailureHandler>();

        builder.AddMessaging<OrdersDbContext>(m => m
            .Subscribe<StockReserved, StockReservedHandler>()
            .Subscribe<StockRejected, StockRejectedHandler>()
            .Subscribe<PaymentSucceeded, PaymentSucceededHandler>()
            .Subscribe<PaymentFailed, PaymentFailedHandler>()
            .Subscribe<PaymentRefunded, PaymentRefundedHandler>()
            .Subscribe<UserDeleted, UserDeletedHandler>());
        return builder;
    }

    public static WebApplication MapOrdersApis(this WebApplication app)
    {
        app.MapCartApi();
        app.MapOrdersApi();
        app.MapAdminOrdersApi();
        return app;
    }

    /// <summary>Applies pending EF Core migrations at start (idempotent; concurrent instances serialise on EF's migration lock).</summary>
    public static async Task MigrateOrdersDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrdersDbContext>().Database.MigrateAsync();
    }
}
