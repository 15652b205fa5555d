namespace ECommerce.Orders.Checkout;

/// <summary>What the checkout use case registers; its route is <see cref="CheckoutEndpoints.MapCheckout"/>.</summary>
public static class CheckoutSetup
{
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CheckoutService>();
        return builder;
    }
}
