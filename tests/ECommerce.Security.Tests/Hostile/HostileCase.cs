using ECommerce.Security.Tests.Endpoints;

namespace ECommerce.Security.Tests.Hostile;

/// <summary>One hostile request: which endpoint, which category of attack, what exactly, and how to build it.</summary>
public sealed record HostileCase(ApiEndpoint Endpoint, string Category, string What, Func<HttpRequestMessage> Build)
{
    public override string ToString() => $"{Endpoint} [{Category}] {What}";
}
