using System.ComponentModel.DataAnnotations;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Admission control in front of a service's API (section <c>Overload</c>): at most <see cref="MaxConcurrent"/> requests
/// run at once, at most <see cref="QueueLimit"/> wait, none waits longer than <see cref="QueueTimeoutMs"/>; the rest
/// are refused at once with 503 and Retry-After. Defaults and how they were chosen: docs/reliability.md ("Overload").
/// </summary>
public sealed class OverloadOptions
{
    public const string SectionName = "Overload";

    /// <summary>Off only to measure the system without it (docs/benchmarks.md) and at the gateway, which has its own ceiling.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Requests running at once. Little's law at the load ramp's best step: Orders ~51 req/s × ~0.5 s ≈ 26 in service,
    /// Products ~89 req/s × ~0.12 s ≈ 11; more in flight only adds waiting on two cores.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrent { get; set; } = 32;

    /// <summary>Requests waiting for a slot; past this a request is refused without waiting.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 128;

    /// <summary>
    /// The longest a request waits for a slot before it is refused: the queue is bounded in time as well as length, so a
    /// burst of a hundred quick requests is absorbed, while a queue that stops moving sheds instead of growing a tail.
    /// </summary>
    [Range(1, 60_000)]
    public int QueueTimeoutMs { get; set; } = 500;

    /// <summary>The Retry-After a refused client gets (seconds).</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// Path prefixes never shed (besides /health and /alive, always exempt): probes must not fail for being busy, and a
    /// payment provider's webhook is a fact that already happened (its service adds the path).
    /// </summary>
    public List<string> ExemptPaths { get; set; } = [];

    /// <summary>
    /// Requests that finish work a client has already started (placing an order, paying for it, reading its status),
    /// as <c>"METHOD /path"</c> with <c>{guid}</c> for an id segment. They are never queued behind other requests: a freed
    /// slot goes to them first, and one that finds the queue full takes the place of the youngest other request. Past
    /// saturation a service then refuses new work (a new cart line) before the work that completes a journey, so
    /// completed checkouts do not fall as load rises. Each service lists its own (Orders' appsettings.json).
    /// </summary>
    public List<string> PriorityRoutes { get; set; } = [];

    /// <summary>
    /// Off only to measure the system without <see cref="PriorityRoutes"/> (the load ramp's <c>--no-priority</c>): every
    /// request then waits its turn in one queue.
    /// </summary>
    public bool Prioritise { get; set; } = true;

    /// <summary>
    /// Serve the requests of callers the service counts as in the middle of a journey (its <see cref="IWorkInProgress"/>,
    /// if it registers one) before new work, after the <see cref="PriorityRoutes"/>. Off only to measure without it (the
    /// load ramp's <c>--no-journeys</c>); <see cref="Prioritise"/> off turns it off too.
    /// </summary>
    public bool InProgressFirst { get; set; } = true;

    /// <summary>How long a caller counts as in the middle of a journey after its last step (seconds).</summary>
    [Range(1, 3600)]
    public int InProgressIdleSeconds { get; set; } = 30;
}
