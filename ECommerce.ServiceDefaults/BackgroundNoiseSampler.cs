using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Keeps the traces a developer reads and drops the ones background polling makes. An outgoing call (database, cache,
/// HTTP, broker) that no request, handled message or job encloses is a poll: an outbox dispatcher or queue consumer
/// looking for work, a timeout sweep finding nothing. Recording each of those as a trace of its own buried the shopper's
/// requests on the dashboard (420-460 one-span traces a minute) and made it evict real traces to keep them. Work that is
/// actually done starts a span of its own (a request, "OrderPlaced publish", "OrderPlaced process", a job's sweep), and
/// the calls it makes are recorded beneath it as before; everything with a parent follows the parent's decision.
/// </summary>
public sealed class BackgroundNoiseSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    private readonly ParentBasedSampler _parentBased = new(new RootSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        _parentBased.ShouldSample(samplingParameters);

    /// <summary>Decides for spans without a parent: only an enclosed outgoing call is dropped.</summary>
    private sealed class RootSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            samplingParameters.Kind == ActivityKind.Client ? Drop : Keep;
    }
}
