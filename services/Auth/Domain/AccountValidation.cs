using System.Net.Mail;

namespace ECommerce.Auth.Accounts;

/// <summary>Field checks done before Identity is asked, so every mistake comes back named by its field.</summary>
public static class AccountValidation
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    public static Dictionary<string, string[]> Registration(string? email, string? password, string? displayName)
    {
        var errors = new Dictionary<string, string[]>();
        Email(email, errors);
        Password(password, "password", errors);
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 200)
        {
            errors["displayName"] = ["Enter your name (up to 200 characters)."];
        }

        return errors;
    }

    public static void Email(string? email, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim())
        {
            errors["email"] = ["Enter a valid e-mail address."];
        }
    }

    public static void Password(string? password, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            errors[field] = [$"Use {MinPasswordLength} to {MaxPasswordLength} characters."];
        }
    }
}
