using ECommerce.Payments.Charging;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Authentication;

/// <summary>What finishing a 3-D Secure check came to.</summary>
public enum AuthenticationOutcome
{
    /// <summary>Settled: captured, or failed (and the shopper may pay again), or it was settled before this call.</summary>
    Settled,

    /// <summary>No payment of this customer for that order (or, for the simulated check, the provider is not simulated).</summary>
    NotFound,

    /// <summary>The provider still waits for the shopper to finish the check.</summary>
    StillWaiting,
}

/// <summary>
/// Finishes a payment after the shopper's 3-D Secure check: reads the intent from the provider and settles it the way
/// a charge would (capture, or a failure the shopper can retry). In one transaction with the payment row locked, so
/// a double submit or a racing webhook settles it once; a call after it settled just answers its state.
/// </summary>
public sealed class PaymentAuthenticator(PaymentsDbContext db, IPaymentProvider provider, PaymentCharger charger)
{
    /// <param name="customerId">The caller, who must own the payment; null when the caller showed the order link's token.</param>
    public Task<(AuthenticationOutcome Outcome, Payment? Payment)> CompleteAsync(
        Guid orderId, string? customerId, SimulatedChallengeOutcome? simulated, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync<(AuthenticationOutcome, Payment?)>(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var payment = await db.LockPaymentAsync(orderId, ct);
            if (payment is null || (customerId is not null && payment.CustomerId != customerId) || (simulated is not null && provider is not SimulatedPaymentProvider))
            {
                return (AuthenticationOutcome.NotFound, null);
            }

            if (payment.Status != PaymentStatus.RequiresAction)
            {
                return (AuthenticationOutcome.Settled, payment);
            }

            var intent = simulated is { } outcome && provider is SimulatedPaymentProvider bank
                ? bank.CompleteChallenge(payment.ProviderPaymentId!, outcome)
                : await provider.GetAsync(payment.ProviderPaymentId!, ct);
            if (intent.Status == ProviderPaymentStatus.RequiresAction)
            {
                return (AuthenticationOutcome.StillWaiting, payment);
            }

            await charger.SettleAsync(payment, intent, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (AuthenticationOutcome.Settled, payment);
        }, cancellationToken);
}
