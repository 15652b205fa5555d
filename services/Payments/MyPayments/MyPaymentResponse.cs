using ECommerce.Payments.Domain;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;

namespace ECommerce.Payments.MyPayments;

/// <summary>
/// A customer's view of their order's payment. <c>Attempt</c> counts payments of the order (one more per retry);
/// <c>ClientSecret</c> is set only while <c>RequiresAction</c>, for Stripe.js to run the bank's 3-D Secure check.
/// </summary>
public sealed record MyPaymentResponse(
    Guid OrderId, PaymentStatus Status, long AmountMinor, string Currency, long CapturedMinor, long RefundedMinor,
    string? FailureReason, string? Provider, bool Simulated, int Attempt, string? ClientSecret)
{
    public static MyPaymentResponse From(Payment payment, IPaymentProvider provider)
    {
        var name = payment.Provider ?? provider.Name;
        return new(payment.OrderId, payment.Status, payment.AmountMinor, payment.Currency, payment.CapturedMinor, payment.RefundedMinor,
            payment.FailureReason, name, name == SimulatedPaymentProvider.ProviderName, payment.Attempt,
            payment.Status == PaymentStatus.RequiresAction ? payment.ClientSecret : null);
    }
}
