using ECommerce.AppHost.Authentication;
using ECommerce.AppHost.Infrastructure;
using ECommerce.AppHost.Resources;

var builder = DistributedApplication.CreateBuilder(args);

// Services run from their build output, without a `dotnet run` process (~65 MiB) waiting beside each one.
builder.LaunchServicesFromBuildOutput();

// PostgreSQL (a database per service + messaging) and Redis: containers, local processes or external servers.
var infra = builder.AddInfrastructure();

// The OpenID Connect provider; its issuer is the gateway's public URL (set below, once the gateway exists).
var auth = builder.AddService<Projects.ECommerce_Auth>("auth")
    .WithInfrastructure(infra, database: "authdb");

// Signs guest order links: Orders issues them, Payments verifies the same token.
var orderAccessKey = builder.AddOrderAccessKey();

// Product images: Azurite locally (with or without Docker), Azure Blob Storage when deployed.
var images = builder.AddImageStorage();

var products = builder.AddService<Projects.ECommerce_Products>("products")
    .WithInfrastructure(infra, database: "productsdb")
    .WithImageStorage(images)
    .WithAuthentication(auth);

var payments = builder.AddService<Projects.ECommerce_Payments>("payments")
    .WithInfrastructure(infra, database: "paymentsdb")
    .WithAuthentication(auth)
    .WithOrderAccess(orderAccessKey);

// Users reads live prices and availability for wishlists from Products' lookup.
var users = builder.AddService<Projects.ECommerce_Users>("users")
    .WithInfrastructure(infra, database: "usersdb")
    .WithReference(products)
    .WithAuthentication(auth);

var orders = builder.AddService<Projects.ECommerce_Orders>("orders")
    .WithInfrastructure(infra, database: "ordersdb")
    .WithReference(products).WithReference(users)
    .WithAuthentication(auth)
    .WithOrderAccess(orderAccessKey);

var ai = builder.AddService<Projects.ECommerce_AI>("ai")
    .WithInfrastructure(infra, database: "aidb")
    .WithAuthentication(auth)
    .WithDashboardCommand("train-models", "Train models now", "Trains the recommender and risk models on the data so far; a better model replaces the serving one.", "BrainCircuit");

// Checkout scores order risk with AI as the Orders service itself (AI's risk endpoint takes a service token).
orders.WithReference(ai).WithClientCredentials(auth);

// E-mail to shoppers from events (smtp4dev's inbox locally) and signed outbound webhooks.
var mail = builder.AddDevelopmentMailServer();
var notifications = builder.AddService<Projects.ECommerce_Notifications>("notifications")
    .WithInfrastructure(infra, database: "notificationsdb")
    .WithReference(orders).WithReference(users)
    .WithAuthentication(auth)
    .WithClientCredentials(auth)
    .WithMailServer(mail);

var gateway = builder.AddService<Projects.ECommerce_Gateway>(ServiceExtensions.GatewayName)
    .WithReference(auth).WaitFor(auth)
    .WithReference(products).WaitFor(products)
    .WithReference(orders).WaitFor(orders)
    .WithReference(payments).WaitFor(payments)
    .WithReference(users).WaitFor(users)
    .WithReference(ai).WaitFor(ai)
    .WithReference(notifications).WaitFor(notifications)
    .WithAuthentication(auth)
    .WithExternalHttpEndpoints();

// Run here, every service shares this machine's cores, so while checkout sheds its own work the gateway refuses a share of
// browsing (docs/reliability.md "Checkout first at the edge"). Deployed, each Container App has its own and it stays off.
if (builder.ExecutionContext.IsRunMode)
{
    gateway.WithEnvironment("Gateway__CheckoutFirst__Enabled", "true");
}

// The React storefront: Vite dev server (npm run dev) when running, web/Dockerfile when publishing.
var web = builder.AddStorefront(gateway);

auth.WithPublicIssuer(gateway).WithStorefrontClient(web);
notifications.WithEnvironment("Notifications__StorefrontUrl", gateway.GetEndpoint("http"));

builder.Build().Run();
