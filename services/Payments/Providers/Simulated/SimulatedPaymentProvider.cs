using System.Collections.Concurrent;
using ECommerce.Payments.Domain;

namespace ECommerce.Payments.Providers.Simulated;

/// <summary>
/// The default provider when no Stripe key is configured: behaves like Stripe's test payment methods, honours
/// idempotency keys (a repeated key returns the first result, as Stripe does), and reports late outcomes through the
/// same notification path as Stripe webhooks. State lives in memory: a restart forgets the provider side, while the
/// payments database keeps ours.
/// </summary>
public sealed class SimulatedPaymentProvider(SimulatedNotificationScheduler notifications) : IPaymentProvider
{
    public const string ProviderName = "simulated";

    private readonly ConcurrentDictionary<string, Lazy<ProviderPaymentResult>> _byKey = new();
    private readonly ConcurrentDictionary<string, Lazy<ProviderRefundResult>> _refundsByKey = new();
    private readonly ConcurrentDictionary<string, SimulatedIntent> _intents = new();
    private int _intentsCreated;

    public string Name => ProviderName;

    /// <summary>How many payment intents were really created (a repeated idempotency key creates none).</summary>
    public int IntentsCreated => Volatile.Read(ref _intentsCreated);

    public Task<ProviderPaymentResult> AuthoriseAsync(AuthorisePaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(_byKey.GetOrAdd(request.IdempotencyKey, _ => new Lazy<ProviderPaymentResult>(() => Create(request))).Value);

    public Task<ProviderPaymentResult> GetAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        var intent = Find(providerPaymentId);
        lock (intent)
        {
            return Task.FromResult(intent.ToResult());
        }
    }

    public Task CancelAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        var intent = Find(providerPaymentId);
        lock (intent)
        {
            if (intent.Status is ProviderPaymentStatus.RequiresAction or ProviderPaymentStatus.RequiresCapture)
            {
                intent.Status = ProviderPaymentStatus.Failed;
                intent.FailureCode = "canceled";
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The simulated bank's 3-D Secure page: the shopper approves (the intent then waits for capture), fails the check,
    /// or abandons it. Only an intent waiting for the check changes; any other answers as it is.
    /// </summary>
    public ProviderPaymentResult CompleteChallenge(string providerPaymentId, SimulatedChallengeOutcome outcome)
    {
        var intent = Find(providerPaymentId);
        lock (intent)
        {
            if (intent.Status == ProviderPaymentStatus.RequiresAction)
            {
                (intent.Status, intent.FailureCode) = outcome switch
                {
                    SimulatedChallengeOutcome.Approve => (ProviderPaymentStatus.RequiresCapture, null),
                    SimulatedChallengeOutcome.Fail => (ProviderPaymentStatus.Failed, FailureReasons.AuthenticationFailed),
                    _ => (ProviderPaymentStatus.Failed, FailureReasons.AuthenticationAbandoned),
                };
            }

            return intent.ToResult();
        }
    }

    public Task<ProviderPaymentResult> CaptureAsync(string providerPaymentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        var intent = Find(providerPaymentId);
        lock (intent)
        {
            if (intent.Status == ProviderPaymentStatus.RequiresCapture)
            {
                intent.Status = ProviderPaymentStatus.Succeeded;
                intent.CapturedMinor = Math.Min(amountMinor, intent.AmountMinor);
            }

            return Task.FromResult(new ProviderPaymentResult(intent.Id, intent.Status, intent.CapturedMinor));
        }
    }

    public Task<ProviderRefundResult> RefundAsync(string providerPaymentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken)
    {
        var intent = Find(providerPaymentId);
        return Task.FromResult(_refundsByKey.GetOrAdd(idempotencyKey, _ => new Lazy<ProviderRefundResult>(() =>
        {
            lock (intent)
            {
                if (amountMinor <= 0 || intent.RefundedMinor + amountMinor > intent.CapturedMinor)
                {
                    throw new PaymentProviderRejectedException("amount_too_large", "The refund is larger than what remains captured.");
                }

                intent.RefundedMinor += amountMinor;
                return new ProviderRefundResult($"re_sim_{Guid.NewGuid():N}", amountMinor);
            }
        })).Value);
    }

    private ProviderPaymentResult Create(AuthorisePaymentRequest request)
    {
        Interlocked.Increment(ref _intentsCreated);
        var id = $"pi_sim_{Guid.NewGuid():N}";
        var (status, failure) = request.PaymentMethod switch
        {
            TestPaymentMethods.Visa or TestPaymentMethods.Mastercard => (ProviderPaymentStatus.RequiresCapture, null),
            TestPaymentMethods.ChargeDeclined => (ProviderPaymentStatus.Failed, FailureReasons.CardDeclined),
            TestPaymentMethods.AuthenticationRequired => (ProviderPaymentStatus.RequiresAction, null),
            TestPaymentMethods.DelayedFailure => (ProviderPaymentStatus.Processing, (string?)null),
            _ => (ProviderPaymentStatus.Failed, FailureReasons.InvalidPaymentMethod),
        };
        _intents[id] = new SimulatedIntent(id, request.AmountMinor) { Status = status, FailureCode = failure };

        if (status == ProviderPaymentStatus.Processing)
        {
            notifications.Schedule(new ProviderNotification($"evt_sim_{Guid.NewGuid():N}", "payment_intent.payment_failed",
                ProviderNotificationKind.PaymentFailed, id, request.OrderId, request.AmountMinor, FailureReasons.ProcessingFailed),
                then: () => _intents[id].Status = ProviderPaymentStatus.Failed);
        }

        return new ProviderPaymentResult(id, status, request.AmountMinor, failure,
            status == ProviderPaymentStatus.RequiresAction ? $"{id}_secret_{Guid.NewGuid():N}" : null);
    }

    private SimulatedIntent Find(string providerPaymentId) => _intents.TryGetValue(providerPaymentId, out var intent)
        ? intent
        : throw new PaymentProviderRejectedException("resource_missing", $"No such payment intent: {providerPaymentId}.");

    private sealed class SimulatedIntent(string id, long amountMinor)
    {
        public string Id { get; } = id;

        public long AmountMinor { get; } = amountMinor;

        public ProviderPaymentStatus Status { get; set; }

        public long CapturedMinor { get; set; }

        public long RefundedMinor { get; set; }

        public string? FailureCode { get; set; }

        public ProviderPaymentResult ToResult() => new(Id, Status,
            Status == ProviderPaymentStatus.Succeeded ? CapturedMinor : AmountMinor, Status == ProviderPaymentStatus.Failed ? FailureCode : null);
    }
}
