using ECommerce.AI.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>The AI service in a test host on its own fresh database and messaging database (real PostgreSQL), schedule off.</summary>
public class AiHost : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string AiDb { get; private set; } = "";

    public string MessagingDb { get; private set; } = "";

    public virtual async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        AiDb = await server.CreateDatabaseAsync("ai");
        MessagingDb = await server.CreateDatabaseAsync("messaging");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:aidb", AiDb)
            .UseSetting("ConnectionStrings:messaging", MessagingDb)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("AI:Training:Interval", "00:00:00")
            .UseSetting("AI:Training:MinimumOrders", "20")
            .UseSetting("AI:Risk:ReviewThreshold", "0.5")
            .ConfigureServices(services => services.TrustTestTokens()));
        _ = Factory.Server; // starts the host: schema, consumers, model loader
    }

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public AiDbContext NewDb() => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AiDbContext>();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
