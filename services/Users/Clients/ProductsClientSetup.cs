using Microsoft.Extensions.Options;

namespace ECommerce.Users.Clients;

/// <summary>Registers the Products client (the wishlist's live prices).</summary>
public static class ProductsClientSetup
{
    public static IHostApplicationBuilder AddProductsClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProductsAddress>().BindConfiguration("Users:Products").ValidateDataAnnotations().ValidateOnStart();
        // Service discovery and the standard resilience handler come from ServiceDefaults' HttpClient defaults.
        builder.Services.AddHttpClient<ProductsClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptions<ProductsAddress>>().Value.BaseAddress);
        return builder;
    }
}
