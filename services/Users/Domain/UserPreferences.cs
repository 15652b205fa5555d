namespace ECommerce.Users.Domain;

/// <summary>How the customer wants the store to talk to them (stored with the profile).</summary>
public sealed class UserPreferences
{
    /// <summary>The store's home market: the retail dataset the catalogue comes from is British.</summary>
    public const string DefaultCurrency = "GBP";
    public const string DefaultLanguage = "en-GB";

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = DefaultCurrency;

    /// <summary>BCP 47 language tag (language, optional script, optional region).</summary>
    public string Language { get; set; } = DefaultLanguage;

    public bool Newsletter { get; set; }

    public static UserPreferences CreateDefault() => new();
}
