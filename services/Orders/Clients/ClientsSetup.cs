using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Clients;

/// <summary>The Products, Users and AI risk clients, and how their outages are answered (503, see <see cref="DependencyUnavailableException"/>).</summary>
public static class ClientsSetup
{
    public static IHostApplicationBuilder AddServiceClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceAddress>("products").BindConfiguration("Orders:Products").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ServiceAddress>("users").BindConfiguration("Orders:Users").ValidateDataAnnotations().ValidateOnStart();

        // Service discovery and the standard resilience handler come from ServiceDefaults' HttpClient defaults.
        builder.Services.AddHttpClient<ProductsClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ServiceAddress>>().Get("products").BaseAddress);
        builder.Services.AddHttpClient<UsersClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ServiceAddress>>().Get("users").BaseAddress)
            .ForwardCallerToken();

        // AI scores checkout risk as this service (AI's risk endpoint takes a service token, never a shopper's).
        builder.Services.AddOptions<RiskOptions>().BindConfiguration("Orders:Risk").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<RiskClient>((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<RiskOptions>>().Value.BaseAddress)
            .AddClientCredentialsToken();

        return builder;
    }
}
