using ECommerce.Orders.Persistence;

namespace ECommerce.Orders.Browse;

/// <summary>What reading orders registers: the signal a long poll waits on (<see cref="OrderWait"/>).</summary>
public static class BrowseSetup
{
    public static IHostApplicationBuilder AddOrderBrowsing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderChanges>();
        builder.Services.AddSingleton<OrderChangesInterceptor>();
        builder.Services.ConfigureDbContext<OrdersDbContext>((services, options) => options.AddInterceptors(services.GetRequiredService<OrderChangesInterceptor>()));
        return builder;
    }
}
