using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Admin;

/// <summary>The back office's shipping methods: list them all, create or replace one by code. Admins only.</summary>
public static class ShippingMethodEndpoints
{
    public static IEndpointRouteBuilder MapShippingMethods(this IEndpointRouteBuilder routes)
    {
        var methods = routes.MapGroup("/api/orders/admin/shipping-methods").WithTags("Shipping (admin)")
            .RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        methods.MapGet("", List);
        methods.MapPut("/{code}", Save);
        return routes;
    }

    private static async Task<Ok<List<ShippingMethodView>>> List(OrdersDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.ShippingMethods.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Code).ToListAsync(cancellationToken))
            .Select(ShippingMethodView.From).ToList());

    private static async Task<Results<Ok<ShippingMethodView>, Created<ShippingMethodView>, ValidationProblem, Conflict<string>>> Save(
        string code, SaveShippingMethodRequest request, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = ShippingMethodRules.Validate(code, request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var method = await db.ShippingMethods.FirstOrDefaultAsync(m => m.Code == code, cancellationToken);
        var creating = method is null;
        if (method is null)
        {
            method = new ShippingMethod { Code = code };
            db.ShippingMethods.Add(method);
        }
        else if (request.Version is not { } version)
        {
            return ShippingMethodRules.VersionRequired().ToProblem();
        }
        else
        {
            // The edit applies to the version the admin saw; EF adds "AND xmin = @version" to the UPDATE.
            db.Entry(method).Property(m => m.Version).OriginalValue = version;
        }

        ShippingMethodRules.Apply(method, request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict("Someone else changed this shipping method; reload it and apply your change again.");
        }
        catch (DbUpdateException) when (creating)
        {
            return TypedResults.Conflict("A shipping method with this code was just created; reload and edit it instead.");
        }

        var view = ShippingMethodView.From(method);
        return creating ? TypedResults.Created($"/api/orders/admin/shipping-methods/{code}", view) : TypedResults.Ok(view);
    }
}
