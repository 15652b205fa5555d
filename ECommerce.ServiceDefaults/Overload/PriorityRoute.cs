using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// One entry of <c>Overload:PriorityRoutes</c>, such as <c>"POST /api/orders"</c> or <c>"GET /api/orders/{guid}"</c>:
/// a method and a whole path whose segments match literally (ignoring case), except <c>{guid}</c>, which matches one
/// segment that is a GUID. Matched before routing, so it cannot use the endpoint's own template.
/// </summary>
internal sealed class PriorityRoute
{
    private const string GuidSegment = "{guid}";

    private readonly string _method;
    private readonly string[] _segments;

    private PriorityRoute(string method, string[] segments)
    {
        _method = method;
        _segments = segments;
    }

    public static PriorityRoute Parse(string entry) =>
        TryParse(entry) ?? throw new FormatException($"Overload:PriorityRoutes entry \"{entry}\" is not \"METHOD /path\".");

    public static bool IsValid(string entry) => TryParse(entry) is not null;

    private static PriorityRoute? TryParse(string entry) =>
        entry.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var method, var path] && path.StartsWith('/')
            ? new PriorityRoute(method.ToUpperInvariant(), path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            : null;

    public bool Matches(HttpRequest request)
    {
        if (!string.Equals(request.Method, _method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = request.Path.Value.AsSpan().Trim('/');
        var index = 0;
        foreach (var range in path.Split('/'))
        {
            if (index == _segments.Length || !SegmentMatches(_segments[index++], path[range]))
            {
                return false;
            }
        }

        return index == _segments.Length;
    }

    private static bool SegmentMatches(string expected, ReadOnlySpan<char> actual) =>
        expected == GuidSegment ? Guid.TryParse(actual, out _) : actual.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
