using ECommerce.Products.Domain;

namespace ECommerce.Products.Reviews;

/// <summary>A shopper's review as they write it: a rating of 1 to 5, a title and a body, plain text.</summary>
public sealed record ReviewRequest(int? Rating, string? Title, string? Body);

/// <summary>A moderator's rejection: the reason is required and shown to the author only.</summary>
public sealed record RejectReviewRequest(string? Reason);

/// <summary>An approved review as the product page shows it.</summary>
public sealed record ReviewItem(Guid Id, string AuthorName, int Rating, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// One page of a product's approved reviews, newest first, in the shared <see cref="Page{T}"/> shape (<see cref="Next"/>
/// is the following page's cursor), with the product's average and count of approved reviews beside it.
/// </summary>
public sealed record ReviewPage(IReadOnlyList<ReviewItem> Items, string? Next, decimal? Average, int Count);

/// <summary>Where a page of reviews ends: the keyset its cursor carries.</summary>
public sealed record ReviewPosition(DateTimeOffset At, Guid Id);

/// <summary>The author's own review, with its moderation state and, when rejected, the reason.</summary>
public sealed record MyReview(
    Guid Id, Guid ProductId, int Rating, string Title, string Body, string AuthorName, ReviewStatus Status, string? RejectionReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static MyReview From(Review r) =>
        new(r.Id, r.ProductId, r.Rating, r.Title, r.Body, r.AuthorName, r.Status, r.RejectionReason, r.CreatedAt, r.UpdatedAt);
}

/// <summary>What a signed-in shopper may do on a product page: review it (they bought it), and their review if any.</summary>
public sealed record MyReviewState(bool CanReview, MyReview? Review);

/// <summary>A review in the moderation queue.</summary>
public sealed record AdminReviewItem(
    Guid Id, Guid ProductId, string ProductName, string ProductSlug, string AuthorName, int Rating, string Title, string Body,
    ReviewStatus Status, string? RejectionReason, DateTimeOffset UpdatedAt, DateTimeOffset? ModeratedAt);
