namespace Microsoft.Extensions.Hosting;

/// <summary>
/// How a service treats its Redis cache (section <c>Caching</c>): short timeouts and a circuit breaker, so that Redis
/// being slow or gone costs a request at most a few milliseconds instead of a connect or command timeout.
/// </summary>
public sealed class ServiceCacheOptions
{
    public const string SectionName = "Caching";

    /// <summary>Connecting happens in the background (AbortOnConnectFail=false); this bounds start-up when Redis is down.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest any one cache command may take before it counts as a failure (a local Redis answers in &lt;1 ms).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the cache is bypassed once the breaker opens; then one probe decides whether it closes.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The breaker opens when at least half of the (at least two) calls in this window failed.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Redis health check reports Degraded when a ping takes longer than this.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Background retries of an eviction that failed after its change committed. The delays grow from one second to
    /// half a minute, so the last retry comes after any Redis entry written before the change has expired anyway.
    /// </summary>
    public int InvalidationRetries { get; set; } = 7;

    /// <summary>
    /// Put before every Redis key of the service (before its own prefix, e.g. "products:"): empty when the service has
    /// its Redis to itself; set when several deployments, or the test hosts of one run, share one Redis.
    /// </summary>
    public string KeyPrefix { get; set; } = "";
}
