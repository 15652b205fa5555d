namespace ECommerce.AppHost.Resources;

/// <summary>
/// The key that signs guest order links (<c>OrderAccess:SigningKey</c>): Orders signs them, Payments verifies them, so
/// both get the same secret. Generated once and kept in the AppHost's user secrets, never in the repository; deployed,
/// it is the Key Vault secret <c>order-access-signing-key</c> (docs/operations.md).
/// </summary>
public static class OrderAccessExtensions
{
    public static IResourceBuilder<ParameterResource> AddOrderAccessKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter("order-access-signing-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

    public static IResourceBuilder<ProjectResource> WithOrderAccess(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ParameterResource> signingKey) =>
        service.WithEnvironment("OrderAccess__SigningKey", signingKey);
}
