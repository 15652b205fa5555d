using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Collects field errors under the JSON names the client sent and turns them into the one RFC 7807 validation body every
/// service answers with (<c>TypedResults.ValidationProblem</c>: 400, <c>errors</c> keyed by field). Use one per request:
/// <code>
/// var errors = new ValidationErrors();
/// var name = errors.Text("name", request.Name, maxLength: 200, required: true);
/// errors.Check(request.Quantity is > 0, "quantity", "Must be at least 1.");
/// if (errors.HasErrors) return errors.ToProblem();
/// </code>
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Whether <paramref name="field"/> already has an error (to skip checks that depend on it).</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/> unless <paramref name="valid"/>.</summary>
    public bool Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }

        return valid;
    }

    /// <summary>Trims the value; records an error when it is missing (if required) or longer than <paramref name="maxLength"/>.</summary>
    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
        {
            Add(field, "This field is required.");
        }
        else if (trimmed is not null && trimmed.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        return trimmed;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary());

    /// <summary>A single-field problem, for the endpoints that check one thing.</summary>
    public static ValidationProblem Problem(string field, string message) => new ValidationErrors().Add(field, message).ToProblem();
}
