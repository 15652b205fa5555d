namespace ECommerce.Users.Domain;

/// <summary>The customer's preferences.</summary>
public sealed record PreferencesResponse(string Currency, string Language, bool Newsletter)
{
    public static PreferencesResponse From(UserPreferences p) => new(p.Currency, p.Language, p.Newsletter);
}
