using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.AppHost.Infrastructure;

/// <summary>The two calls Program.cs needs: choose and add the infrastructure, and give a service its share of it.</summary>
public static class InfrastructureExtensions
{
    /// <summary>The services' setting naming the broker behind the <c>messaging</c> connection string.</summary>
    public const string MessagingTransportSetting = "Messaging:Transport";

    /// <summary>Adds PostgreSQL (one database per service plus <c>messaging</c>) and Redis in the mode chosen by --infra or detection.</summary>
    public static AppInfrastructure AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var requested = builder.Configuration["infra"] ?? builder.Configuration["Infrastructure:Mode"];
        var choice = builder.ExecutionContext.IsPublishMode
            ? new InfrastructureChoice(InfrastructureMode.External, "publish mode: connection strings come from the deployment")
            : InfrastructureModeSelector.Select(requested, ContainerRuntime.Detect);

        // Messaging is a PostgreSQL database wherever the AppHost runs the servers, Azure Service Bus when deployed.
        var transport = builder.Configuration[MessagingTransportSetting]
            ?? (builder.ExecutionContext.IsPublishMode ? "servicebus" : "postgres");
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ECommerce.Infrastructure")
                .LogInformation("Infrastructure mode: {Mode} ({Reason}); messaging transport: {Transport}",
                    choice.Mode.ToString().ToLowerInvariant(), choice.Reason, transport);
            return Task.CompletedTask;
        });

        var names = AppInfrastructure.DatabaseNames.Append(AppInfrastructure.MessagingName).ToArray();
        return choice.Mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder, choice, names, transport),
            InfrastructureMode.Local => AddLocal(builder, choice, names, transport),
            _ => AddExternal(builder, choice, names, transport),
        };
    }

    /// <summary>
    /// References the service's database (if any), the cache and messaging (with <c>Messaging:Transport</c>), and waits
    /// for them where they have a state.
    /// </summary>
    public static IResourceBuilder<T> WithInfrastructure<T>(this IResourceBuilder<T> service, AppInfrastructure infra, string? database = null)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        var dependencies = new List<IResourceBuilder<IResourceWithConnectionString>> { infra.Cache, infra.Messaging };
        if (database is not null)
        {
            dependencies.Insert(0, infra.Database(database));
        }

        service.WithEnvironment(MessagingTransportSetting.Replace(":", "__", StringComparison.Ordinal), infra.MessagingTransport);
        foreach (var dependency in dependencies)
        {
            service.WithReference(dependency);
            if (infra.CanWait)
            {
                service.WaitFor(dependency);
            }
        }

        return service;
    }

    private static AppInfrastructure AddContainers(IDistributedApplicationBuilder builder, InfrastructureChoice choice, string[] names, string transport)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume().WithLifetime(ContainerLifetime.Persistent);
        var cache = builder.AddRedis(AppInfrastructure.CacheName).WithDataVolume().WithPersistence();
        var databases = names.ToDictionary(n => n, n => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(n));
        return new AppInfrastructure(choice, Upcast(postgres), Upcast(cache), databases, transport);
    }

    private static AppInfrastructure AddLocal(IDistributedApplicationBuilder builder, InfrastructureChoice choice, string[] names, string transport)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataRoot = Path.GetFullPath(builder.Configuration["Infrastructure:DataDirectory"] ?? Path.Combine(repositoryRoot, ".data", "local"));
        var postgres = builder.AddLocalPostgres("postgres", dataRoot);
        var cache = builder.AddLocalRedis(AppInfrastructure.CacheName, dataRoot, repositoryRoot);
        var databases = names.ToDictionary(n => n, n => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddLocalDatabase(n));
        return new AppInfrastructure(choice, Upcast(postgres), Upcast(cache), databases, transport);
    }

    private static AppInfrastructure AddExternal(IDistributedApplicationBuilder builder, InfrastructureChoice choice, string[] names, string transport)
    {
        var cache = builder.AddConnectionString(AppInfrastructure.CacheName);
        var databases = names.ToDictionary(n => n, n => builder.AddConnectionString(n));
        return new AppInfrastructure(choice, null, cache, databases, transport);
    }

    private static IResourceBuilder<IResourceWithConnectionString> Upcast<T>(IResourceBuilder<T> builder) where T : IResourceWithConnectionString =>
        builder.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(builder.Resource);
}
