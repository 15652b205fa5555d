using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A service's own answer to "is this caller in the middle of something?", asked before the request is admitted (so
/// from the request's headers alone, before authentication). Past saturation such a caller's requests wait ahead of new
/// work and behind the priority routes, so the journeys already under way finish before new ones start. A service that
/// registers none has two classes only. Orders' is <c>CartJourneys</c>: a caller whose cart changed recently and who has
/// not placed the order yet.
/// </summary>
public interface IWorkInProgress
{
    bool Has(HttpContext context);
}
