namespace ECommerce.Payments.Domain;

/// <summary>
/// The payment of one order (one row per order, enforced by a unique index). Every transition appends a ledger row,
/// and the running totals kept here are checked by the database: refunded never exceeds captured.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>The customer from OrderPlaced: a customer sees only payments carrying their own id.</summary>
    public string CustomerId { get; private set; } = "";

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>A provider token chosen in the storefront (<c>pm_card_visa</c>), never card data.</summary>
    public string PaymentMethod { get; private set; } = "";

    public PaymentStatus Status { get; private set; }

    /// <summary>Which attempt this is: 1 at checkout, one more each time the shopper pays again after a failure.</summary>
    public int Attempt { get; private set; } = 1;

    /// <summary>
    /// While <see cref="PaymentStatus.RequiresAction"/>: the provider's client secret the shopper's browser needs to run
    /// the bank's check (Stripe.js <c>handleNextAction</c>). Shown only to the payment's customer; cleared when settled.
    /// </summary>
    public string? ClientSecret { get; private set; }

    public string? Provider { get; private set; }

    /// <summary>
    /// Orders held the order for risk review (OrderPlaced.HoldForReview): the charge stops at
    /// <see cref="PaymentStatus.Authorised"/> and is captured only when the back office approves (OrderReviewApproved).
    /// </summary>
    public bool HoldForReview { get; private set; }

    public string? ProviderPaymentId { get; private set; }

    public string? FailureReason { get; private set; }

    public long CapturedMinor { get; private set; }

    public long RefundedMinor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public List<LedgerEntry> Ledger { get; private set; } = [];

    private Payment()
    {
    }

    public long Refundable => CapturedMinor - RefundedMinor;

    public static Payment Record(Guid orderId, string customerId, long amountMinor, string currency, string paymentMethod, bool holdForReview = false)
    {
        var now = DateTimeOffset.UtcNow;
        return new Payment
        {
            Id = Guid.CreateVersion7(),
            OrderId = orderId,
            CustomerId = customerId,
            AmountMinor = amountMinor,
            Currency = currency.ToUpperInvariant(),
            PaymentMethod = paymentMethod,
            HoldForReview = holdForReview,
            Status = PaymentStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The provider is about to be asked; its idempotency key makes a repeat of this call the same charge.</summary>
    public void StartCharge(string provider) => Provider = provider;

    public void MarkProcessing(string providerPaymentId)
    {
        ProviderPaymentId = providerPaymentId;
        Move(PaymentStatus.Processing);
    }

    /// <summary>The bank wants the shopper to confirm: nothing is settled until the storefront reports the challenge done.</summary>
    public void MarkRequiresAction(string providerPaymentId, string? clientSecret)
    {
        ProviderPaymentId = providerPaymentId;
        ClientSecret = clientSecret;
        Move(PaymentStatus.RequiresAction);
    }

    /// <summary>
    /// Starts attempt <paramref name="attempt"/> with another payment method after a failure; the charge follows at once
    /// (the stock is already reserved). False when this is not the next attempt of a failed payment (a repeat).
    /// </summary>
    public bool StartAttempt(int attempt, string paymentMethod)
    {
        if (Status != PaymentStatus.Failed || attempt != Attempt + 1)
        {
            return false;
        }

        Attempt = attempt;
        PaymentMethod = paymentMethod;
        FailureReason = null;
        Move(PaymentStatus.Pending);
        return true;
    }

    public void MarkAuthorised(string providerPaymentId)
    {
        ProviderPaymentId = providerPaymentId;
        ClientSecret = null;
        Ledger.Add(LedgerEntry.For(this, LedgerEntryKind.Authorised, AmountMinor, providerPaymentId));
        Move(PaymentStatus.Authorised);
    }

    public void MarkCaptured(string providerPaymentId, long amountMinor)
    {
        if (Status is PaymentStatus.Captured or PaymentStatus.Refunded)
        {
            return;
        }

        ProviderPaymentId = providerPaymentId;
        CapturedMinor = amountMinor;
        ClientSecret = null;
        Ledger.Add(LedgerEntry.For(this, LedgerEntryKind.Captured, amountMinor, providerPaymentId));
        Move(PaymentStatus.Captured);
    }

    public void MarkFailed(string? providerPaymentId, string reason)
    {
        ProviderPaymentId = providerPaymentId ?? ProviderPaymentId;
        ClientSecret = null;
        FailureReason = reason;
        Ledger.Add(LedgerEntry.For(this, LedgerEntryKind.Failed, AmountMinor, providerPaymentId, reason));
        Move(PaymentStatus.Failed);
    }

    /// <summary>
    /// Only an uncharged payment can be cancelled (one not yet sent, waiting for the shopper's 3-D Secure check, or
    /// authorised and held for risk review); a captured one is refunded instead.
    /// </summary>
    public bool TryCancel()
    {
        if (Status is not (PaymentStatus.Pending or PaymentStatus.RequiresAction or PaymentStatus.Authorised))
        {
            return false;
        }

        ClientSecret = null;
        Move(PaymentStatus.Cancelled);
        return true;
    }

    public LedgerEntry RecordRefund(long amountMinor, string providerRefundId, string? reason, string? idempotencyKey = null)
    {
        if (amountMinor <= 0 || amountMinor > Refundable)
        {
            throw new InvalidOperationException($"A refund of {amountMinor} exceeds the refundable {Refundable}.");
        }

        RefundedMinor += amountMinor;
        var entry = LedgerEntry.For(this, LedgerEntryKind.Refunded, amountMinor, providerRefundId, reason, idempotencyKey);
        Ledger.Add(entry);
        Move(RefundedMinor == CapturedMinor ? PaymentStatus.Refunded : PaymentStatus.Captured);
        return entry;
    }

    private void Move(PaymentStatus status)
    {
        Status = status;
        UpdatedAt = DateTimeOffset.UtcNow;
    }
}
