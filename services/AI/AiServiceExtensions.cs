using ECommerce.AI.Ingestion;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using ECommerce.AI.Recommendations;
using ECommerce.AI.Risk;
using ECommerce.AI.Training;
using ECommerce.AI.Views;
using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.AI;

/// <summary>Registration of the AI service, kept out of Program.cs.</summary>
public static class AiServiceExtensions
{
    public static IHostApplicationBuilder AddAiServices(this IHostApplicationBuilder builder)
    {
        // First: the schema is up to date before the consumers start and the models load.
        builder.AddAiDatabase();

        builder.Services.AddOptions<RecommenderOptions>().Bind(builder.Configuration.GetSection(RecommenderOptions.SectionName));
        builder.Services.AddOptions<TrainingOptions>().Bind(builder.Configuration.GetSection(TrainingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RiskOptions>().Bind(builder.Configuration.GetSection(RiskOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(RiskEndpoints.Policy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Service));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelHolder>();
        builder.Services.AddHostedService<ModelMetrics>();
        builder.Services.AddSingleton<PopularityFallback>();
        builder.Services.AddSingleton<ModelTraining>();
        builder.Services.AddSingleton<TrainingAlerts>();
        builder.Services.AddSingleton<DriftReader>();
        builder.Services.AddSingleton<ModelTrainer>();
        // Tagged "ready", not "live": a failed training degrades /health and never restarts the service through /alive.
        builder.Services.AddHealthChecks().AddCheck<TrainingHealthCheck>(TrainingHealthCheck.Name, HealthStatus.Degraded, ["ready"]);
        builder.Services.AddScoped<HistoryReader>();

        // Order matters: models load before requests arrive.
        builder.Services.AddHostedService<ModelLoader>();
        builder.AddMessaging<AiDbContext>(m => m
            .Subscribe<OrderPaid, OrderPaidHandler>()
            .Subscribe<OrderCancelled, OrderCancelledHandler>()
            .Subscribe<ProductUpdated, ProductUpdatedHandler>()
            .Subscribe<ProductPriceChanged, ProductPriceChangedHandler>());
        builder.Services.AddHostedService<TrainingScheduler>();
        // After ModelLoader: it trains at start only when no stored model was loaded.
        builder.Services.AddHostedService<StartupTraining>();
        return builder;
    }

    public static WebApplication MapAiEndpoints(this WebApplication app)
    {
        app.MapRecommendationEndpoints();
        app.MapRiskEndpoints();
        app.MapViewEndpoints();
        app.MapModelEndpoints();
        return app;
    }
}
