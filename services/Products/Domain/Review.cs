namespace ECommerce.Products.Domain;

/// <summary>Where a review stands: only <see cref="Approved"/> reviews are public and count towards the rating.</summary>
public enum ReviewStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A verified purchaser's review of a product: one per (customer, product), editable by its author; every edit waits for
/// moderation again. After the author's account is deleted the review stays, anonymised (no customer id).
/// </summary>
public sealed class Review
{
    public const string FormerCustomer = "A former customer";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    /// <summary>The author's user id; null once the account was deleted.</summary>
    public string? CustomerId { get; set; }

    /// <summary>First name and initial, from the token when last written.</summary>
    public required string AuthorName { get; set; }

    public int Rating { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public ReviewStatus Status { get; set; } = ReviewStatus.Pending;

    /// <summary>Why a moderator rejected it; shown to its author only.</summary>
    public string? RejectionReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }

    public string? ModeratedBy { get; set; }

    /// <summary>A new text waits for a moderator: whatever was decided about the old one no longer holds.</summary>
    public void Edit(int rating, string title, string body, string authorName, DateTimeOffset now)
    {
        (Rating, Title, Body, AuthorName, UpdatedAt) = (rating, title, body, authorName, now);
        (Status, RejectionReason, ModeratedAt, ModeratedBy) = (ReviewStatus.Pending, null, null, null);
    }

    public void Moderate(ReviewStatus status, string? reason, string moderator, DateTimeOffset now) =>
        (Status, RejectionReason, ModeratedAt, ModeratedBy) = (status, status == ReviewStatus.Rejected ? reason : null, now, moderator);

    public void Anonymise() => (CustomerId, AuthorName) = (null, FormerCustomer);
}
