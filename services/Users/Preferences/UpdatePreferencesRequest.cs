using ECommerce.Contracts;
using ECommerce.Users.Domain;

namespace ECommerce.Users.Preferences;

/// <summary>Replaces the preferences; every field is required.</summary>
public sealed record UpdatePreferencesRequest(string? Currency, string? Language, bool? Newsletter)
{
    public ValidationErrors Validate(bool marketingConsent, out UserPreferences preferences)
    {
        var errors = new ValidationErrors();
        if (!Currencies.TryNormalize(Currency, out var currency))
        {
            errors.Add("currency", "An ISO 4217 currency code such as GBP, EUR or USD.");
        }

        if (!ContactRules.TryNormalizeLanguage(Language, out var language))
        {
            errors.Add("language", "A language tag such as en, en-GB or es-419.");
        }

        if (Newsletter is null)
        {
            errors.Add("newsletter", "State true or false.");
        }
        else if (Newsletter.Value && !marketingConsent)
        {
            errors.Add("newsletter", "The newsletter needs marketing consent: give it on the profile first.");
        }

        preferences = new UserPreferences { Currency = currency, Language = language, Newsletter = Newsletter ?? false };
        return errors;
    }
}
