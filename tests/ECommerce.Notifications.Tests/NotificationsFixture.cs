using ECommerce.Notifications.Persistence;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Notifications.Tests;

/// <summary>
/// One started Notifications service for the run: its own database and the real PostgreSQL transport, a real SMTP
/// server (smtp4dev, read through its API) and stand-ins for Auth's token endpoint, Orders and Users.
/// </summary>
public class NotificationsFixture() : ServiceHost<Program>("notificationsdb")
{
    public const string Storefront = "https://shop.example.test";

    public Smtp4devServer Smtp { get; private set; } = null!;

    public NeighbourServices Neighbours { get; private set; } = null!;

    protected override async Task StartingAsync()
    {
        Smtp = await Smtp4devServer.StartAsync();
        Neighbours = await NeighbourServices.StartAsync();
    }

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Messaging:RetryDelay"] = "00:00:00.100";
        settings["Messaging:OutboxPollInterval"] = "00:00:00.500";
        settings["Notifications:Smtp:Host"] = "127.0.0.1";
        settings["Notifications:Smtp:Port"] = Smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Notifications:Smtp:Security"] = "None";
        settings["Notifications:Smtp:Timeout"] = "00:00:30";
        settings["Notifications:PollInterval"] = "00:00:00.200";
        settings["Notifications:FirstRetryDelay"] = "00:00:00.500";
        settings["Notifications:MaxRetryDelay"] = "00:00:02";
        settings["Notifications:StorefrontUrl"] = Storefront;
        // The test's receiver listens on loopback, which only Development accepts by default.
        settings["Notifications:Webhooks:AllowPrivateAddresses"] = "true";
        settings["Notifications:Webhooks:FirstRetryDelay"] = "00:00:00.300";
        settings["Notifications:Orders:BaseAddress"] = Neighbours.Address;
        settings["Notifications:Users:BaseAddress"] = Neighbours.Address;
        settings["Authentication:Client:Id"] = "notifications";
        settings["Authentication:Client:Secret"] = "test-secret";
        settings["Authentication:Client:TokenEndpoint"] = $"{Neighbours.Address}/connect/token";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Neighbours.DisposeAsync();
    }

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    /// <summary>The mails smtp4dev received for <paramref name="recipient"/>, waiting until at least <paramref name="atLeast"/> are there.</summary>
    public async Task<IReadOnlyList<Smtp4devMessage>> MailsToAsync(string recipient, int atLeast = 1, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var mails = (await Smtp.MessagesAsync()).Where(m => m.To.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();
            if (mails.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications service";
}
