using System.Text.Json;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Stripe;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Stripe;

namespace ECommerce.Payments.Webhooks;

/// <summary>
/// Stripe's webhook. Anonymous by necessity, so the signature is the authentication: the Stripe-Signature header is an
/// HMAC of the raw body and a timestamp with the endpoint's secret; a wrong signature or a timestamp older than the
/// tolerance is refused with 400 before anything is read or changed.
/// </summary>
public static class StripeWebhookEndpoints
{
    /// <summary>The provider webhooks' prefix, exempt from overload shedding.</summary>
    public const string PathPrefix = "/api/payments/webhooks";

    public static IEndpointRouteBuilder MapStripeWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(PathPrefix + "/stripe", Receive)
            .WithTags("Webhooks")
            .WithSummary("Stripe events (payment_intent.succeeded, payment_intent.payment_failed, charge.refunded), signature-verified")
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<WebhookAcknowledgement>, ProblemHttpResult>> Receive(
        HttpRequest request, IOptions<PaymentsOptions> options, ProviderNotificationProcessor processor, CancellationToken cancellationToken)
    {
        var stripe = options.Value.Stripe;
        if (string.IsNullOrWhiteSpace(stripe.WebhookSecret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Stripe webhooks are not configured (Payments:Stripe:WebhookSecret).");
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        Event stripeEvent;
        try
        {
            // Our handlers read only stable fields, so an endpoint pinned to another API version is accepted.
            stripeEvent = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"].ToString(), stripe.WebhookSecret,
                stripe.WebhookToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is StripeException or JsonException or ArgumentException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook could not be verified.",
                detail: "The Stripe-Signature header does not match the body, or its timestamp is outside the tolerance.");
        }

        if (StripeWebhookEvents.ToNotification(stripeEvent) is not { } notification)
        {
            return TypedResults.Ok(new WebhookAcknowledgement(stripeEvent.Id, "ignored"));
        }

        var outcome = await processor.ApplyAsync(notification, cancellationToken);
        return TypedResults.Ok(new WebhookAcknowledgement(stripeEvent.Id, outcome.ToString().ToLowerInvariant()));
    }
}
