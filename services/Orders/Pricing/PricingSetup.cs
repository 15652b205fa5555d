using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Pricing;

/// <summary>The quote every cart, checkout and order shares; its settings are <c>Orders:Tax</c>, its shipping methods in the database.</summary>
public static class PricingSetup
{
    public static IHostApplicationBuilder AddPricing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TaxRules>().BindConfiguration("Orders:Tax").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<QuoteService>();
        builder.Services.AddScoped<PromotionStore>();
        return builder;
    }
}
