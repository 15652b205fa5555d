using ECommerce.AppHost.Infrastructure;
using ECommerce.AppHost.Resources;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (a database per service + messaging) and Redis: containers, local processes or external servers.
var infra = builder.AddInfrastructure();

var products = builder.AddService<Projects.ECommerce_Products>("products")
    .WithInfrastructure(infra, database: "productsdb");

var payments = builder.AddService<Projects.ECommerce_Payments>("payments")
    .WithInfrastructure(infra, database: "paymentsdb");

var users = builder.AddService<Projects.ECommerce_Users>("users")
    .WithInfrastructure(infra, database: "usersdb");

var orders = builder.AddService<Projects.ECommerce_Orders>("orders")
    .WithInfrastructure(infra, database: "ordersdb")
    .WithReference(products).WithReference(users);

var ai = builder.AddService<Projects.ECommerce_AI>("ai")
    .WithInfrastructure(infra, database: "aidb");

var gateway = builder.AddService<Projects.ECommerce_Gateway>("gateway")
    .WithReference(products).WaitFor(products)
    .WithReference(orders).WaitFor(orders)
    .WithReference(payments).WaitFor(payments)
    .WithReference(users).WaitFor(users)
    .WithReference(ai).WaitFor(ai)
    .WithExternalHttpEndpoints();

// The React storefront: Vite dev server (npm run dev) when running, web/Dockerfile when publishing.
builder.AddStorefront(gateway);

builder.Build().Run();
