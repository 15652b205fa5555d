namespace ECommerce.Orders.Checkout;

/// <summary>What the checkout use case registers; its routes are <see cref="CheckoutEndpoints.MapCheckout"/> and <see cref="GuestCheckoutEndpoints.MapGuestCheckout"/>.</summary>
public static class CheckoutSetup
{
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CheckoutService>();
        builder.Services.AddOptions<GuestCheckoutLimits>().BindConfiguration("Orders:GuestCheckout").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddGuestCheckoutRateLimiting();
        builder.AddOrderAccess();
        return builder;
    }
}
