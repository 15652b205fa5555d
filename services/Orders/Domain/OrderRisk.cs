namespace ECommerce.Orders.Domain;

/// <summary>How a risk review ended: approved (captured, then Paid) or rejected (cancelled, nothing captured).</summary>
public enum ReviewDecision
{
    Approved,
    Rejected,
}

/// <summary>What an approve or reject command did: the first decision, a repeat of it, or refused (another decision, or not held).</summary>
public enum ReviewOutcome
{
    Decided,
    Repeated,
    Refused,
}

/// <summary>
/// The order's risk: the score AI gave it at checkout, the reasons in words, and — when the score reached the hold
/// threshold — the back office's review. The shopper never sees the score; they see "being checked".
/// </summary>
public sealed partial class Order
{
    /// <summary>The history trigger of an approval, which changes no status (the capture that follows does).</summary>
    public const string ReviewApprovedTrigger = "ReviewApproved";

    /// <summary>What the shopper's timeline and the cancellation e-mail say about a rejection: the reviewer's note stays internal.</summary>
    public const string RejectedReason = "not approved after a security check";

    /// <summary>AI's score in [0, 1] at checkout; null when AI could not score it (the fallback decided).</summary>
    public double? RiskScore { get; private set; }

    /// <summary>The features that raised the score most, in words ("amount is 6.2x the customer's average order").</summary>
    public List<string> RiskReasons { get; private set; } = [];

    /// <summary>Where the score came from: AI's <c>model</c> or <c>rules</c>, or <c>unavailable</c> when AI did not answer.</summary>
    public string? RiskSource { get; private set; }

    /// <summary>The score reached Orders:Risk:HoldThreshold: the payment is authorised only, and the order waits for review.</summary>
    public bool HeldForReview { get; private set; }

    public ReviewDecision? ReviewDecision { get; private set; }

    /// <summary>The admin who decided (<c>admin:&lt;sub&gt;</c>) or <c>system</c> when the review window ran out.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The reviewer's note on a rejection: for the back office only (the shopper's timeline says it was not approved).</summary>
    public string? ReviewNote { get; private set; }

    /// <summary>Records the checkout's assessment before the order is first saved; OrderPlaced carries <see cref="HeldForReview"/>.</summary>
    public void AssessRisk(double? score, IReadOnlyList<string> reasons, string source, bool hold)
    {
        RiskScore = score;
        RiskReasons = [.. reasons];
        RiskSource = source;
        HeldForReview = hold;
    }

    /// <summary>
    /// Entering review: the stock hold becomes the review window, so the timeout sweep cancels an order nobody decided
    /// in time (Products keeps a held order's reservation longer than that, Stripe an authorisation for 7 days).
    /// </summary>
    public void StartReview(TimeSpan window, DateTimeOffset now)
    {
        if (Status == OrderStatus.HeldForReview && ReviewDecision is null)
        {
            StockHeldUntil = now + window;
        }
    }

    /// <summary>
    /// Approves a held order: owes OrderReviewApproved (Payments captures; its PaymentSucceeded makes the order Paid).
    /// A second approval is a repeat; approving a rejected order, or one not held, is refused.
    /// </summary>
    public ReviewOutcome ApproveReview(string actor, DateTimeOffset now)
    {
        if (ReviewDecision == Domain.ReviewDecision.Approved)
        {
            return ReviewOutcome.Repeated;
        }

        if (ReviewDecision is not null || Status != OrderStatus.HeldForReview)
        {
            return ReviewOutcome.Refused;
        }

        Decide(Domain.ReviewDecision.Approved, actor, now);
        Record(ReviewApprovedTrigger, actor, "approved after risk review", now);
        Owe(new ECommerce.Contracts.OrderReviewApproved(Id, CustomerId, actor));
        return ReviewOutcome.Decided;
    }

    /// <summary>Rejects a held order: cancelled through the state machine (OrderCancelled releases stock and voids the authorisation).</summary>
    public ReviewOutcome RejectReview(string actor, string reason, DateTimeOffset now)
    {
        if (ReviewDecision == Domain.ReviewDecision.Rejected)
        {
            return ReviewOutcome.Repeated;
        }

        if (ReviewDecision is not null || !Apply(OrderTrigger.ReviewReject, actor, RejectedReason, now).Moved)
        {
            return ReviewOutcome.Refused;
        }

        Decide(Domain.ReviewDecision.Rejected, actor, now);
        ReviewNote = reason;
        return ReviewOutcome.Decided;
    }

    private void Decide(ReviewDecision decision, string actor, DateTimeOffset now)
    {
        ReviewDecision = decision;
        ReviewedBy = actor;
        ReviewedAt = now;
    }
}
