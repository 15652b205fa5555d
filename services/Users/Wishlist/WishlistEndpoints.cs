using System.Security.Claims;
using ECommerce.Users.Clients;
using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Users.Wishlist;

/// <summary>
/// The signed-in customer's wishlist (the /me group: customers only, the token's subject names the list). Prices and
/// availability are read live from Products' lookup; a Products outage answers 503 (<see cref="DependencyUnavailableException"/>).
/// </summary>
public static class WishlistEndpoints
{
    public static RouteGroupBuilder MapWishlistEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("/wishlist", GetWishlist);
        me.MapPut("/wishlist/{productId:guid}", SaveProduct);
        me.MapDelete("/wishlist/{productId:guid}", RemoveProduct);
        me.MapPost("/wishlist/merge", Merge);
        return me;
    }

    public static async Task<Ok<WishlistView>> GetWishlist(
        ClaimsPrincipal user, WishlistStore wishlist, ProductsClient products, CancellationToken cancellationToken)
    {
        var items = await wishlist.ListAsync(user.UserId(), cancellationToken);
        return TypedResults.Ok(WishlistView.From(items, await products.LookupAsync(items.Select(i => i.ProductId), cancellationToken)));
    }

    /// <summary>Idempotent: saving a saved product answers the item as first saved (its price then is what drops are measured against).</summary>
    public static async Task<Results<Ok<WishlistItemView>, ValidationProblem, NotFound, ProblemHttpResult>> SaveProduct(
        Guid productId, ClaimsPrincipal user, ProfileStore profiles, WishlistStore wishlist, ProductsClient products,
        CancellationToken cancellationToken)
    {
        var found = await products.LookupAsync([productId], cancellationToken);
        if (found.GetValueOrDefault(productId) is not { Active: true } product)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["productId"] = [found.ContainsKey(productId) ? "This product is no longer sold." : "No product has this id."],
            });
        }

        // The list belongs to the account: a deleted account (a tombstone) gets no new one from a still-valid token.
        if (await profiles.GetOrCreateAsync(user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var (outcome, item) = await wishlist.SaveAsync(user.UserId(), product, cancellationToken);
        return outcome == WishlistSaveOutcome.Full || item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The wishlist is full.",
                detail: $"Remove a product first; at most {WishlistItem.MaxPerUser} are kept.")
            : TypedResults.Ok(WishlistItemView.From(item, product));
    }

    public static async Task<Results<NoContent, NotFound>> RemoveProduct(
        Guid productId, ClaimsPrincipal user, WishlistStore wishlist, CancellationToken cancellationToken) =>
        await wishlist.RemoveAsync(user.UserId(), productId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// At sign-in, the list an anonymous visitor kept in the browser joins the account's: deduplicated, unknown and
    /// no-longer-sold products left out, and the whole capped at <see cref="WishlistItem.MaxPerUser"/>.
    /// </summary>
    public static async Task<Results<Ok<WishlistMergeResult>, ValidationProblem, NotFound>> Merge(
        MergeWishlistRequest request, ClaimsPrincipal user, ProfileStore profiles, WishlistStore wishlist, ProductsClient products,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await profiles.GetOrCreateAsync(user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var userId = user.UserId();
        var wanted = request.ProductIds!.Distinct().ToList();
        var saved = await wishlist.ListAsync(userId, cancellationToken);
        var known = await products.LookupAsync(wanted.Concat(saved.Select(s => s.ProductId)), cancellationToken);
        var sold = wanted.Select(known.GetValueOrDefault).OfType<ProductInfo>().Where(p => p.Active).ToList();
        var overLimit = await wishlist.MergeAsync(userId, sold, cancellationToken);
        var notSaved = wanted.Where(id => !sold.Any(p => p.Id == id)).Concat(overLimit).ToList();
        var items = await wishlist.ListAsync(userId, cancellationToken);
        return TypedResults.Ok(new WishlistMergeResult(WishlistView.From(items, known), notSaved));
    }
}
