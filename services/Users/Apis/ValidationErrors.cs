namespace ECommerce.Users.Apis;

/// <summary>Collects field errors under the JSON names the client sent, for <c>TypedResults.ValidationProblem</c>.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
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

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
