using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Persistence;

namespace ECommerce.Orders.Lifecycle;

/// <summary>The order state machine's drivers: the other services' events it subscribes to and the timeout sweep.</summary>
public static class LifecycleSetup
{
    public static IHostApplicationBuilder AddOrderLifecycle(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderTimeouts>().BindConfiguration("Orders:Timeouts").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<OrderWorkflow>();
        builder.Services.AddHostedService<OrderTimeoutService>();

        builder.AddMessaging<OrdersDbContext>(m => m
            .Subscribe<StockReserved, StockReservedHandler>()
            .Subscribe<StockRejected, StockRejectedHandler>()
            .Subscribe<PaymentSucceeded, PaymentSucceededHandler>()
            .Subscribe<PaymentAuthorised, PaymentAuthorisedHandler>()
            .Subscribe<PaymentFailed, PaymentFailedHandler>()
            .Subscribe<PaymentRefunded, PaymentRefundedHandler>()
            .Subscribe<UserDeleted, UserDeletedHandler>()
            .Subscribe<EmailVerified, EmailVerifiedHandler>());
        return builder;
    }
}
