using System.Net;
using ECommerce.Payments.Domain;
using Stripe;

namespace ECommerce.Payments.Providers.Stripe;

/// <summary>
/// Stripe through Stripe.net: a PaymentIntent created and confirmed in one call, off-session (the customer is not
/// present when stock is reserved) with manual capture, then captured; refunds against the intent. Each call carries
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
            OffSession = true,
            CaptureMethod = "manual",
            // Server-side confirmation has nowhere to redirect a customer to, so redirect-based methods are excluded.
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
        // Off-session there is no customer to complete 3-D Secure: the order fails and the storefront asks again.
        "requires_action" => new(intent.Id, ProviderPaymentStatus.RequiresAction, intent.Amount, FailureReasons.AuthenticationRequired),
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
