using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Review;

/// <summary>
/// A held order in the review queue: the score, its reasons in words, since when it waits and when the review window
/// ends (then it is cancelled). <c>Decision</c> is set once approved while the capture is still on its way.
/// </summary>
public sealed record HeldOrderView(
    Guid Id, long Number, string CustomerId, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency,
    double? Score, IReadOnlyList<string> Reasons, string? Source, DateTimeOffset HeldSince, DateTimeOffset? ReviewBy, ReviewDecision? Decision);

/// <summary>What an approve or reject left: the order's status and the decision, who made it and when.</summary>
public sealed record ReviewResultView(Guid Id, long Number, OrderStatus Status, ReviewDecision Decision, string ReviewedBy, DateTimeOffset ReviewedAt, string? Note);

/// <summary>Reject a held order, with the reviewer's note (kept for the back office; the shopper is told it was not approved).</summary>
public sealed record RejectReviewRequest(string? Reason);

/// <summary>
/// Risk at checkout over the last <c>Days</c>: orders scored and held (their share), how reviews ended, and the
/// model's precision on reviewed orders (rejected ÷ decided: a rejection counts as a true positive). Null when nothing
/// was decided yet.
/// </summary>
public sealed record RiskSummaryView(
    int Days, double HoldThreshold, int Orders, int Scored, int Unscored, int Held, double HeldShare,
    int Approved, int Rejected, int Expired, int Waiting, double? Precision);
