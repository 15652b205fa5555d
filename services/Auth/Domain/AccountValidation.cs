using System.Net.Mail;

namespace ECommerce.Auth.Domain;

/// <summary>
/// The account field rules, checked before Identity is asked so every mistake comes back named by its field. They fill
/// the shared <see cref="ValidationErrors"/>, which the API turns into problem details and the pages into a form's errors.
/// </summary>
public static class AccountValidation
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const int MaxDisplayNameLength = 200;

    public static ValidationErrors Registration(string? email, string? password, string? displayName)
    {
        var errors = new ValidationErrors();
        errors.Email(email);
        errors.Password(password, "password");
        errors.Check(!string.IsNullOrWhiteSpace(displayName) && displayName.Trim().Length <= MaxDisplayNameLength,
            "displayName", $"Enter your name (up to {MaxDisplayNameLength} characters).");
        return errors;
    }

    public static bool Email(this ValidationErrors errors, string? email) => errors.Check(
        !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim(),
        "email", "Enter a valid e-mail address.");

    public static bool Password(this ValidationErrors errors, string? password, string field) => errors.Check(
        !string.IsNullOrEmpty(password) && password.Length is >= MinPasswordLength and <= MaxPasswordLength,
        field, $"Use {MinPasswordLength} to {MaxPasswordLength} characters.");
}
