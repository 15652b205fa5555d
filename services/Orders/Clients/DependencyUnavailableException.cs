namespace ECommerce.Orders.Clients;

/// <summary>Another service could not answer (down, timed out, circuit open): the request is answered 503, never 500.</summary>
public sealed class DependencyUnavailableException(string service, Exception inner)
    : Exception($"The {service} service is unavailable.", inner)
{
    public string Service { get; } = service;

    /// <summary>Runs a call and turns its transport failures into <see cref="DependencyUnavailableException"/>.</summary>
    public static async Task<T> Guard<T>(string service, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException or System.Text.Json.JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DependencyUnavailableException(service, e);
        }
    }
}
