using System.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Spans for work a background job actually does (an order timed out, a batch released), on the "ECommerce.Jobs"
/// source. A job's polls leave no trace (<see cref="BackgroundNoiseSampler"/>); when it acts, it starts one of these, and
/// its queries and the events it publishes follow in the same trace.
/// </summary>
public static class BackgroundWork
{
    public static readonly ActivitySource ActivitySource = new("ECommerce.Jobs");

    /// <summary>Starts a root span for one piece of work; dispose it when the work is done.</summary>
    public static Activity? Start(string name, params ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var activity = ActivitySource.StartActivity(name, ActivityKind.Internal, parentContext: default);
        foreach (var tag in tags)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }

        return activity;
    }
}
