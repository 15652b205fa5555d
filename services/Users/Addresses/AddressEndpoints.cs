using System.Security.Claims;
using ECommerce.Users.Domain;
using ECommerce.Users.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Users.Addresses;

/// <summary>The address book. Every query is scoped to the caller's id, so another customer's address id answers 404.</summary>
public static class AddressEndpoints
{
    public const string GetAddressRoute = "GetMyAddress";

    public static RouteGroupBuilder MapAddressEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("/addresses", ListAddresses);
        me.MapGet("/addresses/{id:guid}", GetAddress).WithName(GetAddressRoute);
        me.MapPost("/addresses", AddAddress);
        me.MapPut("/addresses/{id:guid}", UpdateAddress);
        me.MapDelete("/addresses/{id:guid}", DeleteAddress);
        return me;
    }

    public static async Task<Ok<List<AddressResponse>>> ListAddresses(
        ClaimsPrincipal user, AddressBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok((await book.ListAsync(user.UserId(), cancellationToken)).Select(AddressResponse.From).ToList());

    /// <summary>The contract Orders uses at checkout (CONVENTIONS.md): the caller's bearer token is forwarded.</summary>
    public static async Task<Results<Ok<AddressResponse>, NotFound>> GetAddress(
        Guid id, ClaimsPrincipal user, AddressBook book, CancellationToken cancellationToken) =>
        await book.FindAsync(user.UserId(), id, cancellationToken) is { } address
            ? TypedResults.Ok(AddressResponse.From(address))
            : TypedResults.NotFound();

    public static async Task<Results<CreatedAtRoute<AddressResponse>, ValidationProblem, NotFound, ProblemHttpResult>> AddAddress(
        SaveAddressRequest request, ClaimsPrincipal user, ProfileStore profiles, AddressBook book, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var details);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // Addresses hang off the profile, which may not exist yet if UserRegistered is still on its way.
        if (await profiles.GetOrCreateAsync(user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var (outcome, address) = await book.AddAsync(user.UserId(), details, request.IsDefaultShipping, request.IsDefaultBilling, cancellationToken);
        return outcome switch
        {
            AddressWriteOutcome.Saved => TypedResults.CreatedAtRoute(AddressResponse.From(address!), GetAddressRoute, new { id = address!.Id }),
            AddressWriteOutcome.BookFull => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The address book is full.", detail: $"Delete an address first; at most {Address.MaxPerUser} are kept."),
            AddressWriteOutcome.NotFound => TypedResults.NotFound(),
            _ => DefaultConflict(),
        };
    }

    public static async Task<Results<Ok<AddressResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAddress(
        Guid id, SaveAddressRequest request, ClaimsPrincipal user, AddressBook book, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var details);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (outcome, address) = await book.UpdateAsync(user.UserId(), id, details, request.IsDefaultShipping, request.IsDefaultBilling, cancellationToken);
        return outcome switch
        {
            AddressWriteOutcome.Saved => TypedResults.Ok(AddressResponse.From(address!)),
            AddressWriteOutcome.NotFound => TypedResults.NotFound(),
            _ => DefaultConflict(),
        };
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAddress(
        Guid id, ClaimsPrincipal user, AddressBook book, CancellationToken cancellationToken) =>
        await book.DeleteAsync(user.UserId(), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ProblemHttpResult DefaultConflict() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Another request changed the default address at the same time.", detail: "Reload the address book and try again.");
}
