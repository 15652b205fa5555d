using System.Net;
using ECommerce.Payments.Domain;
using Stripe;

namespace ECommerce.Payments.Providers.Stripe;

/// <summary>
/// Stripe through Stripe.net: a PaymentIntent created and confirmed in one call with manual capture, on-session (the
/// shopper waits on the order page, so a card that needs 3-D Secure answers requires_action and the storefront runs the
/// check with Stripe.js), then captured; refunds against the intent. Each call carries
/// the caller's idempotency key, so Stripe answers a repeat with the original result instead of charging again.
/// </summary>
public sealed class StripePaymentProvider(IStripeClient client) : IPaymentProvider
{
    public const string ProviderName = "stripe";

    private readonly PaymentIntentService _intents = new(client);
    private readonly RefundService _refunds = new(client);

    public string Name => ProviderName;

    public async Task<ProviderPaymentResult> AuthoriseAsync(AuthorisePaymentRequest request, CancellationToken cancellationToken)
    {
        var options = new PaymentIntentCreateOptions
        {
            Amount = request.AmountMinor,
            Currency = request.Currency.ToLowerInvariant(),
            PaymentMethod = request.PaymentMethod,
            Confirm = true,
            CaptureMethod = "manual",
            // 3-D Secure runs in Stripe.js's own frame (handleNextAction); methods that leave the page are excluded.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Metadata = new Dictionary<string, string> { ["order_id"] = request.OrderId.ToString(), ["customer_id"] = request.CustomerId },
        };
        try
        {
            var intent = await _intents.CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
            return ToResult(intent);
        }
        catch (StripeException e) when (IsDecline(e))
        {
            return new ProviderPaymentResult(e.StripeError?.PaymentIntent?.Id, ProviderPaymentStatus.Failed, request.AmountMinor, DeclineReason(e));
        }
        catch (StripeException e) when (e.HttpStatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && e.StripeError?.Param == "payment_method")
        {
            return new ProviderPaymentResult(null, ProviderPaymentStatus.Failed, request.AmountMinor, FailureReasons.InvalidPaymentMethod);
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public async Task<ProviderPaymentResult> GetAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        try
        {
            return ToResult(await _intents.GetAsync(providerPaymentId, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
        catch (StripeException e)
        {
            throw new PaymentProviderRejectedException(e.StripeError?.Code ?? "intent_unreadable", e.StripeError?.Message ?? e.Message, e);
        }
    }

    public async Task CancelAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        try
        {
            await _intents.CancelAsync(providerPaymentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" },
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
        catch (StripeException e) when (e.StripeError?.Code == "payment_intent_unexpected_state")
        {
            // Already captured, cancelled or failed: nothing left to cancel.
        }
    }

    public async Task<ProviderPaymentResult> CaptureAsync(string providerPaymentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var intent = await _intents.CaptureAsync(providerPaymentId, new PaymentIntentCaptureOptions { AmountToCapture = amountMinor },
                new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
            return ToResult(intent);
        }
        catch (StripeException e) when (IsDecline(e))
        {
            return new ProviderPaymentResult(providerPaymentId, ProviderPaymentStatus.Failed, amountMinor, DeclineReason(e));
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public async Task<ProviderRefundResult> RefundAsync(string providerPaymentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var refund = await _refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = providerPaymentId, Amount = amountMinor },
                new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
            return new ProviderRefundResult(refund.Id, refund.Amount);
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
        catch (StripeException e)
        {
            throw new PaymentProviderRejectedException(e.StripeError?.Code ?? "refund_rejected", e.StripeError?.Message ?? e.Message, e);
        }
    }

    internal static ProviderPaymentResult ToResult(PaymentIntent intent) => intent.Status switch
    {
        "requires_capture" => new(intent.Id, ProviderPaymentStatus.RequiresCapture, intent.AmountCapturable),
        "succeeded" => new(intent.Id, ProviderPaymentStatus.Succeeded, intent.AmountReceived),
        "processing" => new(intent.Id, ProviderPaymentStatus.Processing, intent.Amount),
        // The bank wants the shopper to confirm: the client secret lets Stripe.js on the order page run the check.
        "requires_action" => new(intent.Id, ProviderPaymentStatus.RequiresAction, intent.Amount, ClientSecret: intent.ClientSecret),
        // After a failed or abandoned check the intent waits for another payment method: this attempt failed.
        "requires_payment_method" when intent.LastPaymentError?.Code is "payment_intent_authentication_failure" =>
            new(intent.Id, ProviderPaymentStatus.Failed, intent.Amount, FailureReasons.AuthenticationFailed),
        _ => new(intent.Id, ProviderPaymentStatus.Failed, intent.Amount, intent.LastPaymentError?.Code ?? FailureReasons.CardDeclined),
    };

    /// <summary>Stripe answers 402 with a card_error for declines, including authentication required off-session.</summary>
    private static bool IsDecline(StripeException e) =>
        e.HttpStatusCode == HttpStatusCode.PaymentRequired || e.StripeError?.Type == "card_error";

    private static string DeclineReason(StripeException e) => e.StripeError?.Code switch
    {
        "authentication_required" => FailureReasons.AuthenticationRequired,
        null or "" => FailureReasons.CardDeclined,
        var code => code,
    };

    /// <summary>Rate limits, Stripe's own errors, bad credentials and network failures: retry later with the same key.</summary>
    private static PaymentProviderUnavailableException? Unavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        StripeException { HttpStatusCode: HttpStatusCode.TooManyRequests } s => new("Stripe rate-limited the request.", s),
        StripeException { HttpStatusCode: >= HttpStatusCode.InternalServerError } s => new($"Stripe failed ({(int)s.HttpStatusCode}).", s),
        StripeException { HttpStatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } s => new("Stripe refused the API key (check Payments:Stripe:SecretKey).", s),
        StripeException { HttpStatusCode: 0 } s => new("Stripe could not be reached.", s),
        HttpRequestException h => new("Stripe could not be reached.", h),
        TaskCanceledException t when !cancellationToken.IsCancellationRequested => new("Stripe did not answer in time.", t),
        _ => null,
    };
}
