using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Carts;

/// <summary>What the cart use case registers; its routes are <see cref="CartEndpoints.MapCarts"/>.</summary>
public static class CartsSetup
{
    public static IHostApplicationBuilder AddCarts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CartLimits>().BindConfiguration("Orders:Cart").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CartStore>();
        builder.Services.AddScoped<CartService>();
        builder.Services.AddSingleton<CartJourneys>();
        builder.Services.AddSingleton<IWorkInProgress>(services => services.GetRequiredService<CartJourneys>());
        builder.Services.AddHostedService<CartCleanupService>();
        return builder;
    }
}
