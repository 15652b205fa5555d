using ECommerce.AI.Persistence;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>The AI service (a <see cref="ServiceHost{TProgram}"/>) on its own fresh database and messaging database, schedule off.</summary>
public class AiHost() : ServiceHost<Program>("aidb")
{
    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["AI:Training:Interval"] = "00:00:00";
        settings["AI:Training:MinimumOrders"] = "20";
        settings["AI:Risk:ReviewThreshold"] = "0.5";
    }

    public AiDbContext NewDb() => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AiDbContext>();
}
