using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Orders.Domain;

/// <summary>
/// An order and its rules: created Pending with a snapshot of lines, address and totals; moved only through
/// <see cref="Apply"/>, which consults <see cref="OrderStateMachine"/>, writes the history row for every move and owes
/// the other services the integration event of the move (saved to the outbox with the order, whoever moved it).
/// </summary>
public sealed partial class Order
{
    /// <summary>The history trigger of a refund, which changes no status.</summary>
    public const string RefundedTrigger = "Refunded";

    private readonly List<IntegrationEvent> _owedEvents = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The number the customer quotes (<see cref="OrderNumber"/>): given by the database when the order is first saved.</summary>
    public long Number { get; private set; }

    /// <summary>
    /// The <c>sub</c> of the customer who placed it; a guest's <c>guest:…</c> id (<see cref="GuestCustomers"/>) until a
    /// verified account claims it; an opaque value once the account is deleted.
    /// </summary>
    public string CustomerId { get; private set; } = "";

    /// <summary>The e-mail address a guest gave at checkout; null for orders placed signed in.</summary>
    public string? GuestEmail { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    /// <summary>SHA-256 of the canonical checkout request, to tell a retry from a different request with the same key.</summary>
    public string RequestHash { get; private set; } = "";

    public OrderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the status last changed: the timeout sweep measures from here.</summary>
    public DateTimeOffset StatusChangedAt { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>Whether the amounts below were priced tax-inclusive (the store's setting when the order was placed).</summary>
    public bool PricesIncludeTax { get; private set; }

    public decimal Subtotal { get; private set; }

    /// <summary>What promotions took off the subtotal; <see cref="DiscountCode"/> names the code the shopper entered.</summary>
    public decimal Discount { get; private set; }

    public string? DiscountCode { get; private set; }

    public decimal Shipping { get; private set; }

    public string ShippingMethodCode { get; private set; } = "";

    public string ShippingMethodName { get; private set; } = "";

    public DateOnly? DeliveryEarliest { get; private set; }

    public DateOnly? DeliveryLatest { get; private set; }

    /// <summary>The tax by rate (amounts in major units), as the order page and the invoice show it.</summary>
    public List<OrderTaxLine> Taxes { get; private set; } = [];

    /// <summary>The fingerprint of the quote this order charges (<see cref="Quote.Fingerprint"/>).</summary>
    public string QuoteFingerprint { get; private set; } = "";

    public decimal Tax { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>The provider's token for the payment method (<c>pm_card_visa</c>), never card data.</summary>
    public string PaymentMethod { get; private set; } = "";

    public ShippingAddress ShippingAddress { get; private set; } = new();

    public Guid? PaymentId { get; private set; }

    public string? TrackingNumber { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Set when a payment was captured; a cancel after it must be refunded.</summary>
    public bool WasPaid { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: two writers of one order (a handler and the timeout sweep) cannot both win.</summary>
    public uint Version { get; private set; }

    public List<OrderItem> Items { get; private set; } = [];

    public List<OrderStatusChange> History { get; private set; } = [];

    public static Order Place(
        string customerId,
        string idempotencyKey,
        string requestHash,
        Quote quote,
        ShippingAddress address,
        string paymentMethod,
        DateTimeOffset now,
        string? guestEmail = null)
    {
        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            GuestEmail = guestEmail,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            Status = OrderStatus.Pending,
            CreatedAt = now,
            StatusChangedAt = now,
            Currency = quote.Currency,
            PricesIncludeTax = quote.PricesIncludeTax,
            Subtotal = Money.FromMinor(quote.SubtotalMinor, quote.Currency),
            Discount = Money.FromMinor(quote.DiscountMinor, quote.Currency),
            DiscountCode = quote.Discount?.Code,
            Shipping = Money.FromMinor(quote.ShippingMinor, quote.Currency),
            ShippingMethodCode = quote.Shipping?.Code ?? "",
            ShippingMethodName = quote.Shipping?.Name ?? "",
            DeliveryEarliest = quote.Shipping?.EarliestDelivery,
            DeliveryLatest = quote.Shipping?.LatestDelivery,
            Tax = Money.FromMinor(quote.TaxMinor, quote.Currency),
            Taxes = [.. quote.Taxes.Select(t => new OrderTaxLine(t.Rate, Money.FromMinor(t.NetMinor, quote.Currency), Money.FromMinor(t.TaxMinor, quote.Currency)))],
            Total = Money.FromMinor(quote.TotalMinor, quote.Currency),
            QuoteFingerprint = quote.Fingerprint,
            PaymentMethod = paymentMethod,
            ShippingAddress = address,
            Items = [.. quote.Lines.Select(l => OrderItem.From(l, quote.Currency))],
        };
        order.History.Add(new OrderStatusChange
        {
            OrderId = order.Id,
            From = null,
            To = OrderStatus.Pending,
            Trigger = "Placed",
            Actor = guestEmail is null ? "customer" : "guest",
            Reason = "checkout",
            At = now,
        });
        return order;
    }

    /// <summary>Applies a trigger; only <see cref="TransitionKind.Moved"/> changes the status, and it writes history.</summary>
    public TransitionOutcome Apply(OrderTrigger trigger, string actor, string? reason, DateTimeOffset now)
    {
        var outcome = OrderStateMachine.Decide(Status, trigger);
        if (outcome.Kind == TransitionKind.Compensate)
        {
            if (!NeedsCompensation(trigger))
            {
                return outcome with { Kind = TransitionKind.Ignored };
            }

            Record(trigger.ToString(), actor, $"compensated: {reason}", now);
            Owe(OrderEvents.Owed(this, outcome, trigger, reason));
        }

        if (!outcome.Moved)
        {
            return outcome;
        }

        if (outcome.To == OrderStatus.Cancelled)
        {
            CancellationReason = reason;
        }

        Status = outcome.To;
        StatusChangedAt = now;
        History.Add(new OrderStatusChange { OrderId = Id, From = outcome.From, To = outcome.To, Trigger = trigger.ToString(), Actor = actor, Reason = reason, At = now });
        Owe(OrderEvents.Owed(this, outcome, trigger, reason));
        return outcome;
    }

    /// <summary>
    /// A captured payment. Recorded before the move so that OrderPaid, or the compensating OrderCancelled, carries
    /// <see cref="WasPaid"/>; a capture already known (a repeat, or one already refunded through a paid cancel) is ignored.
    /// </summary>
    public TransitionOutcome CapturePayment(Guid paymentId, string actor, string? reason, DateTimeOffset now)
    {
        if (WasPaid)
        {
            return new TransitionOutcome(TransitionKind.Ignored, Status, Status);
        }

        if (Status is OrderStatus.Pending or OrderStatus.StockReserved or OrderStatus.AwaitingPayment or OrderStatus.HeldForReview or OrderStatus.Cancelled)
        {
            PaymentId = paymentId;
            WasPaid = true;
        }

        return Apply(OrderTrigger.PaymentSucceeded, actor, reason, now);
    }

    /// <summary>
    /// A refund happened (Payments said so). Each of the provider's refunds is recorded once, however often its event
    /// arrives (a partial refund, then the rest on cancel, are two); an event without a refund id is recorded only
    /// if no refund was. <see cref="RefundedAt"/> is the first refund's time.
    /// </summary>
    public bool RecordRefund(string? refundId, string detail, DateTimeOffset now)
    {
        var seen = refundId is null
            ? RefundedAt is not null
            : History.Any(h => h.Trigger == RefundedTrigger && h.Reason?.EndsWith($"[{refundId}]", StringComparison.Ordinal) == true);
        if (seen)
        {
            return false;
        }

        RefundedAt ??= now;
        Record(RefundedTrigger, "payments", refundId is null ? detail : $"{detail} [{refundId}]", now);
        return true;
    }

    /// <summary>Removes the customer's identity and address; lines, amounts and history stay for the accounts.</summary>
    public void Anonymise(DateTimeOffset now)
    {
        if (AnonymisedAt is not null)
        {
            return;
        }

        CustomerId = $"deleted:{Id:N}";
        GuestEmail = null;
        ShippingAddress.Anonymise();
        AnonymisedAt = now;
    }

    /// <summary>
    /// A guest order moves to the account whose owner verified the guest's e-mail address; it stays the guest's
    /// e-mail on record. Anything but a guest order is left alone.
    /// </summary>
    public bool ClaimFor(string userId, DateTimeOffset now)
    {
        if (!GuestCustomers.IsGuest(CustomerId))
        {
            return false;
        }

        CustomerId = userId;
        Record("Claimed", "customer", "guest order claimed after e-mail verification", now);
        return true;
    }

    /// <summary>
    /// A late reservation needs releasing only if no cancel already released one (the order never held stock) and it
    /// was not compensated before; a late capture only once (<see cref="CapturePayment"/> filters known captures).
    /// </summary>
    private bool NeedsCompensation(OrderTrigger trigger) =>
        !History.Any(h => h.Trigger == trigger.ToString() && h.From == OrderStatus.Cancelled)
        && (trigger != OrderTrigger.StockReserved || !History.Any(h => OrderStateMachine.HoldsStock(h.To)));

    /// <summary>The events the moves since the last save owe the other services; the database takes them into its outbox on save.</summary>
    public IReadOnlyList<IntegrationEvent> TakeOwedEvents()
    {
        var owed = _owedEvents.ToList();
        _owedEvents.Clear();
        return owed;
    }

    private void Owe(IntegrationEvent? @event)
    {
        if (@event is not null)
        {
            _owedEvents.Add(@event);
        }
    }

    private void Record(string trigger, string actor, string? reason, DateTimeOffset now) =>
        History.Add(new OrderStatusChange { OrderId = Id, From = Status, To = Status, Trigger = trigger, Actor = actor, Reason = reason, At = now });
}
