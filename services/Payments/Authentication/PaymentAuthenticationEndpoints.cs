using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Payments.Authentication;

/// <summary>The simulated bank's answer on its 3-D Secure page: <c>approve</c>, <c>fail</c> or <c>abandon</c>.</summary>
public sealed record SimulatedChallengeRequest(string? Outcome);

/// <summary>
/// The shopper's side of 3-D Secure, for their own order only (the customer is the token's <c>sub</c>; anyone else's
/// order answers 404): finish the payment after Stripe.js ran the bank's check, or answer the simulated bank's page.
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
        return app;
    }

    private static Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Complete(
        Guid orderId, HttpContext context, PaymentAuthenticator authenticator, IPaymentProvider provider, CancellationToken cancellationToken) =>
        RunAsync(orderId, null, context, authenticator, provider, cancellationToken);

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerSimulatedChallenge(
        Guid orderId, SimulatedChallengeRequest request, HttpContext context, PaymentAuthenticator authenticator, IPaymentProvider provider,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<SimulatedChallengeOutcome>(request.Outcome, ignoreCase: true, out var outcome)
            || !Enum.IsDefined(outcome) || request.Outcome!.Any(char.IsDigit))
        {
            return ValidationErrors.Problem("outcome", "One of approve, fail or abandon.");
        }

        return await RunAsync(orderId, outcome, context, authenticator, provider, cancellationToken);
    }

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid orderId, SimulatedChallengeOutcome? simulated, HttpContext context, PaymentAuthenticator authenticator, IPaymentProvider provider,
        CancellationToken cancellationToken)
    {
        if (context.User.FindUserId() is not { } customerId)
        {
            return TypedResults.NotFound();
        }

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
