using ECommerce.AI.Apis;
using ECommerce.AI.Data;
using ECommerce.AI.Events;
using ECommerce.AI.Serving;
using ECommerce.AI.Training;
using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Extensions;

/// <summary>Registration of the AI service, kept out of Program.cs.</summary>
public static class AiServiceExtensions
{
    public static IHostApplicationBuilder AddAiServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("aidb")
            ?? throw new InvalidOperationException("Connection string 'aidb' is missing (the AppHost provides it in every mode).");
        builder.Services.AddDbContext<AiDbContext>(o => o.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("aidb", tags: ["ready"]);

        builder.Services.AddOptions<RecommenderOptions>().Bind(builder.Configuration.GetSection(RecommenderOptions.SectionName));
        builder.Services.AddOptions<TrainingOptions>().Bind(builder.Configuration.GetSection(TrainingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RiskOptions>().Bind(builder.Configuration.GetSection(RiskOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(RiskApi.Policy, p => p.RequireAuthenticatedUser().RequireRole("admin", "service"));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelHolder>();
        builder.Services.AddSingleton<PopularityFallback>();
        builder.Services.AddSingleton<ModelTrainer>();
        builder.Services.AddScoped<HistoryReader>();

        // Order matters: the schema exists before the consumers start, and models load before requests arrive.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<ModelLoader>();
        builder.AddMessaging<AiDbContext>(m => m
            .Subscribe<OrderPaid, OrderPaidHandler>()
            .Subscribe<OrderCancelled, OrderCancelledHandler>()
            .Subscribe<ProductUpdated, ProductUpdatedHandler>()
            .Subscribe<ProductPriceChanged, ProductPriceChangedHandler>());
        builder.Services.AddHostedService<TrainingScheduler>();
        return builder;
    }

    public static WebApplication MapAiApis(this WebApplication app)
    {
        app.MapRecommendationsApi();
        app.MapRiskApi();
        app.MapEventsApi();
        app.MapModelsApi();
        return app;
    }
}
