namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The request's place among the requests a service runs at once (<see cref="OverloadOptions.MaxConcurrent"/>), set on
/// <c>HttpContext.Features</c> when the overload gate admitted it. A handler that is about to wait on something other
/// than the machine (a long poll for an order to move on) gives its place back, so waiting requests never keep work
/// out; what it does after the wait runs outside the limit, so such a handler bounds its own waiters.
/// </summary>
public interface IAdmissionFeature
{
    /// <summary>Gives the place to the next request now, instead of when this one ends. Idempotent.</summary>
    void Leave();
}
