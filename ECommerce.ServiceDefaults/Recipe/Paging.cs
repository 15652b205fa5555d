namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The page every list endpoint answers with: <c>{ items, next }</c>, where <c>next</c> is the opaque cursor of the
/// following page and null on the last. Orders' lists use it today (their cursor parameter is <c>after</c>); the
/// other services' lists move to it as their pages are reworked (issue 17).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Reads and checks the <c>limit</c> query value, recording an error under that name.</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The page size: <paramref name="fallback"/> when absent, an error outside 1..<paramref name="max"/>.</summary>
    public static int Limit(int? limit, ValidationErrors errors, int fallback = DefaultLimit, int max = MaxLimit)
    {
        if (limit is null)
        {
            return fallback;
        }

        errors.Check(limit >= 1 && limit <= max, "limit", $"Must be between 1 and {max}.");
        return Math.Clamp(limit.Value, 1, max);
    }
}
