using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers <see cref="OrderAccessTokens"/> with its key checked at start, for the services that serve guest order links.</summary>
public static class OrderAccessExtensions
{
    public static TBuilder AddOrderAccess<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OrderAccessOptions>().BindConfiguration(OrderAccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderAccessTokens>();
        return builder;
    }
}
