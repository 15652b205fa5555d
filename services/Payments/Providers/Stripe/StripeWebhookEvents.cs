using Stripe;

namespace ECommerce.Payments.Providers.Stripe;

/// <summary>Translates the Stripe events Payments acts on into provider notifications; any other type is acknowledged and ignored.</summary>
public static class StripeWebhookEvents
{
    public static ProviderNotification? ToNotification(Event stripeEvent) => (stripeEvent.Type, stripeEvent.Data?.Object) switch
    {
        (EventTypes.PaymentIntentSucceeded, PaymentIntent intent) => new(stripeEvent.Id, stripeEvent.Type, ProviderNotificationKind.PaymentSucceeded,
            intent.Id, OrderIdOf(intent.Metadata), intent.AmountReceived),
        (EventTypes.PaymentIntentPaymentFailed, PaymentIntent intent) => new(stripeEvent.Id, stripeEvent.Type, ProviderNotificationKind.PaymentFailed,
            intent.Id, OrderIdOf(intent.Metadata), intent.Amount, StripePaymentProvider.ToResult(intent).FailureCode),
        (EventTypes.ChargeRefunded, Charge charge) when charge.PaymentIntentId is not null => new(stripeEvent.Id, stripeEvent.Type,
            ProviderNotificationKind.ChargeRefunded, charge.PaymentIntentId, OrderIdOf(charge.Metadata), charge.AmountRefunded),
        _ => null,
    };

    private static Guid? OrderIdOf(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("order_id", out var value) && Guid.TryParse(value, out var orderId) ? orderId : null;
}
