namespace ECommerce.Users.Domain;

/// <summary>
/// An entry in a customer's address book. Any address can be used to ship to or to bill; at most one per user is
/// the default for shipping and one the default for billing (a unique partial index holds that under concurrency).
/// </summary>
public sealed class Address
{
    public const int MaxPerUser = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    public string Label { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string Line1 { get; set; } = "";

    public string? Line2 { get; set; }

    public string City { get; set; } = "";

    public string Postcode { get; set; } = "";

    public string? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; set; } = "";

    public string? Phone { get; set; }

    public bool IsDefaultShipping { get; set; }

    public bool IsDefaultBilling { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
