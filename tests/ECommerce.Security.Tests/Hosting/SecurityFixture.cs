using System.Security.Cryptography;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.Security.Tests.Hosting;

/// <summary>
/// Every service of the store in one process, each on its own fresh database of the shared test PostgreSQL server and
/// its own messaging database (so nothing one suite sends reaches another service), bearer validation trusting
/// <see cref="TestTokens"/>. Products and Users listen on loopback Kestrel ports because Orders calls them over HTTP
/// (price lookups, address book), and Users calls Products (the wishlist's prices), exactly as in production.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_security_suite_secret";
    public const int MaxImageBytes = 65536;

    public HostedService Products { get; private set; } = null!;

    public HostedService Users { get; private set; } = null!;

    public HostedService Orders { get; private set; } = null!;

    public HostedService Payments { get; private set; } = null!;

    public HostedService Ai { get; private set; } = null!;

    public HostedService Auth { get; private set; } = null!;

    public HostedService Notifications { get; private set; } = null!;

    /// <summary>Customer A's address and order and a visible product, made once the services are up.</summary>
    public Resources Resources { get; private set; } = null!;

    public IReadOnlyList<HostedService> All => [Products, Users, Orders, Payments, Ai, Auth, Notifications];

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "security-images-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask InitializeAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        var redis = await RedisServer.GetAsync();
        async Task<(string Db, string Messaging)> Databases(string name) =>
            (await postgres.CreateDatabaseAsync(name), await postgres.CreateDatabaseAsync("messaging"));

        var productsDb = await Databases("products");
        var usersDb = await Databases("usersdb");
        var ordersDb = await Databases("ordersdb");
        var paymentsDb = await Databases("payments");
        var aiDb = await Databases("ai");
        var authDb = await Databases("auth");
        var notificationsDb = await Databases("notifications");
        var productsPort = FreePort.Next();
        var usersPort = FreePort.Next();

        var products = Task.Run(() => HostedService.Start("Products", Factory<ECommerce.Products.Persistence.ProductsDbContext>(productsDb, "productsdb", web => web
            .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
            .UseSetting("Products:Database:MigrateAtStart", "true")
            .UseSetting("Products:Reviews:WritesPerWindow", "10000")
            .UseSetting("Products:Images:Root", ImageRoot)
            .UseSetting("Products:Images:MaxBytes", MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)), productsPort), productsDb.Db, "/api/products", productsPort));
        // Users reads the wishlist's live prices from Products' lookup, over HTTP as in production.
        var users = Task.Run(() => HostedService.Start("Users", Factory<ECommerce.Users.Persistence.UsersDbContext>(usersDb, "usersdb", web => web
            .UseSetting("Users:Products:BaseAddress", $"http://127.0.0.1:{productsPort}"), usersPort), usersDb.Db, "/api/users", usersPort));
        var payments = Task.Run(() => HostedService.Start("Payments", Factory<ECommerce.Payments.Persistence.PaymentsDbContext>(paymentsDb, "paymentsdb", web => web
            .UseSetting("Payments:Stripe:WebhookSecret", WebhookSecret)), paymentsDb.Db, "/api/payments"));
        var ai = Task.Run(() => HostedService.Start("AI", Factory<ECommerce.AI.Persistence.AiDbContext>(aiDb, "aidb", web => web
            .UseSetting("AI:Training:Interval", "00:00:00")), aiDb.Db, "/api/ai"));
        var auth = Task.Run(() => HostedService.Start("Auth", Factory<ECommerce.Auth.Registration.RegisterRequest>(authDb, "authdb", web => web
            .UseSetting("Auth:Issuer", "http://auth.test/")
            .UseSetting("Auth:RequireHttps", "false")
            .UseSetting("Auth:SigningKey:Pem", RSA.Create(2048).ExportPkcs8PrivateKeyPem())
            .UseSetting("Auth:SigningKey:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .UseSetting("Auth:Admin:Email", "root@shop.test")
            .UseSetting("Auth:Admin:Password", "Admin-password-for-security-1")), authDb.Db, "/api/auth"));
        // Its messaging database hears no events, so it never mails or calls a neighbour: the SMTP server and Auth's
        // token endpoint only have to be configured for start-up, not to answer (port 9 is the discard port).
        var notifications = Task.Run(() => HostedService.Start("Notifications", Factory<ECommerce.Notifications.NotificationsOptions>(notificationsDb, "notificationsdb", web => web
            .UseSetting("Notifications:Smtp:Host", "127.0.0.1")
            .UseSetting("Notifications:Smtp:Port", "9")
            .UseSetting("Authentication:Client:Id", "notifications")
            .UseSetting("Authentication:Client:Secret", "unused")
            .UseSetting("Authentication:Client:TokenEndpoint", "http://127.0.0.1:9/connect/token")), notificationsDb.Db, "/api/notifications"));
        Products = await products;
        Users = await users;
        Orders = HostedService.Start("Orders", Factory<ECommerce.Orders.Checkout.CheckoutRequest>(ordersDb, "ordersdb", web => web
            .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
            // Every hostile request to guest checkout must reach its validation, not stop at the per-address limit.
            .UseSetting("Orders:GuestCheckout:PermitsPerWindow", "100000")
            .UseSetting("Orders:Products:BaseAddress", $"http://127.0.0.1:{productsPort}")
            .UseSetting("Orders:Users:BaseAddress", $"http://127.0.0.1:{usersPort}")), ordersDb.Db, "/api/orders");
        Payments = await payments;
        Ai = await ai;
        Auth = await auth;
        Notifications = await notifications;
        Resources = await Resources.CreateAsync(this, CancellationToken.None);
    }

    private static WebApplicationFactory<T> Factory<T>((string Db, string Messaging) databases, string connectionName, Action<IWebHostBuilder> configure, int? port = null)
        where T : class
    {
        var factory = new WebApplicationFactory<T>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production")
                .UseSetting($"ConnectionStrings:{connectionName}", databases.Db)
                .UseSetting("ConnectionStrings:messaging", databases.Messaging)
                .UseSetting("Messaging:Transport", "postgres")
                .UseSetting("OrderAccess:SigningKey", TestOrderAccess.SigningKey)
                .UseSetting("Logging:LogLevel:Default", "Warning")
                .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error")
                .ConfigureServices(services => services.TrustTestTokens());
            configure(web);
        });
        if (port is { } listen)
        {
            factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, listen));
        }

        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in new[] { Orders, Products, Users, Payments, Ai, Auth, Notifications }.Where(s => s is not null))
        {
            await service.DisposeAsync();
        }

        if (Directory.Exists(ImageRoot))
        {
            Directory.Delete(ImageRoot, recursive: true);
        }
    }
}

/// <summary>One set of started services for the matrix, the hostile-input suite and the token attacks.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "all services";
}
