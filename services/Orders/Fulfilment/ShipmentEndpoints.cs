using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Fulfilment;

/// <summary>
/// Back office: ship a paid order in one or more parcels, mark a parcel or the whole order delivered, and list the
/// carriers. Admins only. Each shipment publishes OrderShipped with its lines (Products moves them from reserved to sold).
/// </summary>
public static class ShipmentEndpoints
{
    private const int MaxTrackingLength = 100;

    public static IEndpointRouteBuilder MapShipments(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/orders").WithTags("Orders (admin)").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("/admin/carriers", ListCarriers);
        admin.MapPost("/admin/{id:guid}/shipments", CreateShipment);
        admin.MapPost("/admin/{id:guid}/shipments/{shipmentId:guid}/deliver", DeliverShipment);
        admin.MapPost("/{id:guid}/ship", ShipEverything);
        admin.MapPost("/{id:guid}/deliver", DeliverEverything);
        return routes;
    }

    private static Ok<CarrierView[]> ListCarriers() =>
        TypedResults.Ok(Carriers.All.Select(c => new CarrierView(c.Code, c.Name, c.TrackingUrlPattern is not null)).ToArray());

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> CreateShipment(
        Guid id, CreateShipmentRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var carrier = Carriers.Find(request.Carrier);
        errors.Check(carrier is not null, "carrier", $"One of: {string.Join(", ", Carriers.All.Select(c => c.Code))}.");
        var tracking = errors.Text("trackingNumber", request.TrackingNumber, MaxTrackingLength, required: true);
        errors.Check(request.Lines is { Count: > 0 and <= 100 } lines && lines.All(l => l is not null), "lines", "Between 1 and 100 lines.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (await FulfilmentCommand.FindAsync(db, id, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var (_, error) = order.Ship([.. request.Lines!.Select(l => (l.ProductId, l.Quantity))], carrier!, tracking!, FulfilmentCommand.Admin(context), clock.GetUtcNow());
        return await FulfilmentCommand.SaveAsync(db, order, error, cancellationToken);
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> DeliverShipment(
        Guid id, Guid shipmentId, HttpContext context, OrdersDbContext db, TimeProvider clock, IOptions<ReturnPolicy> policy, CancellationToken cancellationToken)
    {
        if (await FulfilmentCommand.FindAsync(db, id, cancellationToken) is not { } order
            || order.Shipments.FirstOrDefault(s => s.Id == shipmentId) is not { } shipment)
        {
            return TypedResults.NotFound();
        }

        var error = order.Deliver(shipment, policy.Value.Window, FulfilmentCommand.Admin(context), clock.GetUtcNow());
        return await FulfilmentCommand.SaveAsync(db, order, error, cancellationToken);
    }

    /// <summary>The one-step "mark shipped": everything still to ship in one parcel.</summary>
    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> ShipEverything(
        Guid id, ShipOrderRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var tracking = errors.Text("trackingNumber", request.TrackingNumber, MaxTrackingLength, required: true);
        var carrier = Carriers.Find(request.Carrier ?? Carriers.Other);
        errors.Check(carrier is not null, "carrier", $"One of: {string.Join(", ", Carriers.All.Select(c => c.Code))}.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (await FulfilmentCommand.FindAsync(db, id, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var left = order.LeftToShip().Select(l => (l.Item.ProductId, l.Quantity)).ToList();
        var (_, error) = order.Ship(left, carrier!, tracking!, FulfilmentCommand.Admin(context), clock.GetUtcNow());
        return await FulfilmentCommand.SaveAsync(db, order, error, cancellationToken);
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> DeliverEverything(
        Guid id, HttpContext context, OrdersDbContext db, TimeProvider clock, IOptions<ReturnPolicy> policy, CancellationToken cancellationToken)
    {
        if (await FulfilmentCommand.FindAsync(db, id, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var error = order.DeliverAll(policy.Value.Window, FulfilmentCommand.Admin(context), clock.GetUtcNow());
        return await FulfilmentCommand.SaveAsync(db, order, error, cancellationToken);
    }
}
