namespace ECommerce.Users.Domain;

/// <summary>What the store holds about a customer beyond their credentials (which the Auth service owns).</summary>
public sealed class UserProfile
{
    /// <summary>The token's <c>sub</c>: the Auth service's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>Copied from registration or the token; changed only in the Auth service.</summary>
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Phone { get; set; }

    public bool MarketingConsent { get; private set; }

    /// <summary>When consent was last given or withdrawn: the record a regulator asks for.</summary>
    public DateTimeOffset? MarketingConsentChangedAt { get; private set; }

    public UserPreferences Preferences { get; set; } = UserPreferences.CreateDefault();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<Address> Addresses { get; } = [];

    public const int MaxUserIdLength = 128;
    public const int MaxEmailLength = 320;
    public const int MaxDisplayNameLength = 100;

    /// <summary>Values from a token or an event are clipped to the columns rather than failing the sign-in or the event.</summary>
    public static UserProfile Create(string userId, string? email, string? displayName, DateTimeOffset now) => new()
    {
        UserId = userId,
        Email = Clip(email, MaxEmailLength),
        DisplayName = Clip(displayName, MaxDisplayNameLength),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Withdrawing consent also ends the newsletter, which is marketing by definition.</summary>
    public void SetMarketingConsent(bool consent, DateTimeOffset now)
    {
        if (consent == MarketingConsent && MarketingConsentChangedAt is not null)
        {
            return;
        }

        MarketingConsent = consent;
        MarketingConsentChangedAt = now;
        if (!consent)
        {
            Preferences.Newsletter = false;
        }
    }

    private static string Clip(string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength].TrimEnd();
    }
}
