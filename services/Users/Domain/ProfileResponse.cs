namespace ECommerce.Users.Domain;

/// <summary>The customer's profile as the storefront shows it.</summary>
public sealed record ProfileResponse(
    string UserId,
    string Email,
    string DisplayName,
    string? Phone,
    bool MarketingConsent,
    DateTimeOffset? MarketingConsentChangedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProfileResponse From(UserProfile p) =>
        new(p.UserId, p.Email, p.DisplayName, p.Phone, p.MarketingConsent, p.MarketingConsentChangedAt, p.CreatedAt, p.UpdatedAt);
}
