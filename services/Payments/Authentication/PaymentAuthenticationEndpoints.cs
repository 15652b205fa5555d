using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Payments.Authentication;

/// <summary>The simulated bank's answer on its 3-D Secure page: <c>approve</c>, <c>fail</c> or <c>abandon</c>.</summary>
public sealed record SimulatedChallengeRequest(string? Outcome);

/// <summary>
/// The shopper's side of 3-D Secure, for their own order only (the customer is the token's <c>sub</c>; anyone else's
/// order answers 404): finish the payment after Stripe.js ran the bank's check, or answer the simulated bank's page. A
/// guest does the same through the order's link (<c>/api/payments/guest/orders/…</c> with its access token).
/// </summary>
public static class PaymentAuthenticationEndpoints
{
    public static IEndpointRouteBuilder MapPaymentAuthenticationEndpoints(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/payments/me/orders").WithTags("Payments").RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        mine.MapPost("/{orderId:guid}/authentication", Complete)
            .WithSummary("Finish a payment after the shopper completed the bank's 3-D Secure check (Stripe.js handleNextAction)");
        mine.MapPost("/{orderId:guid}/simulated-challenge", AnswerSimulatedChallenge)
            .WithSummary("The simulated provider's 3-D Secure page: approve, fail or abandon the check (404 unless the provider is simulated)");
        var guest = app.MapGroup("/api/payments/guest/orders").WithTags("Payments").AllowAnonymous();
        guest.MapPost("/{orderId:guid}/authentication", CompleteForGuest)
            .WithSummary("A guest finishes a payment after the bank's 3-D Secure check, by the order link's access token");
        guest.MapPost("/{orderId:guid}/simulated-challenge", AnswerSimulatedChallengeForGuest)
            .WithSummary("A guest answers the simulated 3-D Secure page, by the order link's access token");
        return app;
    }

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Complete(
        Guid orderId, HttpContext context, PaymentAuthenticator authenticator, IPaymentProvider provider, CancellationToken cancellationToken) =>
        context.User.FindUserId() is { } customerId
            ? await RunAsync(orderId, null, customerId, authenticator, provider, cancellationToken)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteForGuest(
        Guid orderId, HttpContext context, OrderAccessTokens access, PaymentAuthenticator authenticator, IPaymentProvider provider,
        CancellationToken cancellationToken) =>
        access.Verify(orderId, OrderAccessTokens.From(context.Request))
            ? await RunAsync(orderId, null, customerId: null, authenticator, provider, cancellationToken)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerSimulatedChallenge(
        Guid orderId, SimulatedChallengeRequest request, HttpContext context, PaymentAuthenticator authenticator, IPaymentProvider provider,
        CancellationToken cancellationToken)
    {
        if (ParseOutcome(request) is not { } outcome)
        {
            return ValidationErrors.Problem("outcome", "One of approve, fail or abandon.");
        }

        return context.User.FindUserId() is { } customerId
            ? await RunAsync(orderId, outcome, customerId, authenticator, provider, cancellationToken)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerSimulatedChallengeForGuest(
        Guid orderId, SimulatedChallengeRequest request, HttpContext context, OrderAccessTokens access, PaymentAuthenticator authenticator,
        IPaymentProvider provider, CancellationToken cancellationToken)
    {
        if (ParseOutcome(request) is not { } outcome)
        {
            return ValidationErrors.Problem("outcome", "One of approve, fail or abandon.");
        }

        return access.Verify(orderId, OrderAccessTokens.From(context.Request))
            ? await RunAsync(orderId, outcome, customerId: null, authenticator, provider, cancellationToken)
            : TypedResults.NotFound();
    }

    private static SimulatedChallengeOutcome? ParseOutcome(SimulatedChallengeRequest request) =>
        request.Outcome is { } text && !text.Any(char.IsDigit) && Enum.TryParse<SimulatedChallengeOutcome>(text, ignoreCase: true, out var outcome)
            && Enum.IsDefined(outcome)
            ? outcome
            : null;

    /// <param name="customerId">The signed-in caller, who must own the payment; null for the holder of the order link's token.</param>
    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid orderId, SimulatedChallengeOutcome? simulated, string? customerId, PaymentAuthenticator authenticator, IPaymentProvider provider,
        CancellationToken cancellationToken)
    {
        try
        {
            var (outcome, payment) = await authenticator.CompleteAsync(orderId, customerId, simulated, cancellationToken);
            return outcome switch
            {
                AuthenticationOutcome.NotFound => TypedResults.NotFound(),
                AuthenticationOutcome.StillWaiting => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: "Your bank has not finished checking this payment.", detail: "Complete the check in the bank's window, then try again."),
                _ => TypedResults.Ok(MyPaymentResponse.From(payment!, provider)),
            };
        }
        catch (PaymentProviderUnavailableException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The payment provider is unavailable; try again shortly.",
                detail: e.Message);
        }
    }
}
