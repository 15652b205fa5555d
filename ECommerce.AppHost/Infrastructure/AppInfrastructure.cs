namespace ECommerce.AppHost.Infrastructure;

/// <summary>
/// The infrastructure every service draws on, the same names in every mode: one database per service, the shared
/// <c>cache</c>, and <c>messaging</c> (a PostgreSQL database locally, Azure Service Bus when given as external).
/// </summary>
public sealed class AppInfrastructure
{
    public static readonly string[] DatabaseNames = ["productsdb", "authdb", "usersdb", "ordersdb", "paymentsdb", "aidb", "notificationsdb"];
    public const string CacheName = "cache";
    public const string MessagingName = "messaging";

    private readonly Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> _databases;

    internal AppInfrastructure(
        InfrastructureChoice choice,
        IResourceBuilder<IResourceWithConnectionString>? postgres,
        IResourceBuilder<IResourceWithConnectionString> cache,
        Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> databases,
        string messagingTransport)
    {
        Choice = choice;
        MessagingTransport = messagingTransport;
        Postgres = postgres;
        Cache = cache;
        _databases = databases;
    }

    public InfrastructureChoice Choice { get; }

    /// <summary>
    /// What <c>messaging</c> is, given to every service as <c>Messaging:Transport</c>: <c>postgres</c> when the AppHost
    /// runs the servers, <c>servicebus</c> when publishing for Azure; the AppHost's own <c>Messaging:Transport</c> wins.
    /// </summary>
    public string MessagingTransport { get; }

    /// <summary>The PostgreSQL server; null in external mode, where only connection strings exist.</summary>
    public IResourceBuilder<IResourceWithConnectionString>? Postgres { get; }

    public IResourceBuilder<IResourceWithConnectionString> Cache { get; }

    public IResourceBuilder<IResourceWithConnectionString> Messaging => _databases[MessagingName];

    public IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
        _databases.TryGetValue(name, out var database)
            ? database
            : throw new ArgumentException($"No database named '{name}'. Known: {string.Join(", ", _databases.Keys)}.", nameof(name));

    /// <summary>Whether resources of this mode report a state to wait for (external connection strings do not).</summary>
    public bool CanWait => Choice.Mode != InfrastructureMode.External;
}
