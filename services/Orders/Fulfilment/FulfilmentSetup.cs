namespace ECommerce.Orders.Fulfilment;

/// <summary>Shipments, the pick list and returns: the order's life after it is paid.</summary>
public static class FulfilmentSetup
{
    public static IHostApplicationBuilder AddFulfilment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReturnPolicy>().BindConfiguration("Orders:Returns").ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapFulfilment(this IEndpointRouteBuilder routes) =>
        routes.MapShipments().MapPickList().MapReturns().MapReturnsAdmin();
}
