using ECommerce.Contracts;
using ECommerce.Users.Domain;

namespace ECommerce.Users.Profile;

/// <summary>Replaces the editable profile fields. The email belongs to the Auth service and is not changed here.</summary>
public sealed record UpdateProfileRequest(string? DisplayName, string? Phone, bool? MarketingConsent)
{
    public ValidationErrors Validate(out string displayName, out string? phone)
    {
        var errors = new ValidationErrors();
        displayName = errors.Text("displayName", DisplayName, UserProfile.MaxDisplayNameLength, required: true) ?? "";
        phone = errors.Text("phone", Phone, PhoneNumbers.MaxLength, required: false);
        if (PhoneNumbers.Validate(phone) is { } phoneError)
        {
            errors.Add("phone", phoneError);
        }

        if (MarketingConsent is null)
        {
            // Consent must be stated, never assumed from a missing field.
            errors.Add("marketingConsent", "State true or false.");
        }

        return errors;
    }
}
