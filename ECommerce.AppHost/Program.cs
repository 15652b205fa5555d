using ECommerce.AppHost.Infrastructure;
using ECommerce.AppHost.Resources;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (a database per service + messaging) and Redis: containers, local processes or external servers.
var infra = builder.AddInfrastructure();

var products = builder.AddProject<Projects.ECommerce_Products>("products")
    .WithInfrastructure(infra, database: "productsdb");

var gateway = builder.AddProject<Projects.ECommerce_Gateway>("gateway")
    .WithReference(products).WaitFor(products)
    .WithExternalHttpEndpoints();

// The React storefront: Vite dev server (npm run dev) when running, web/Dockerfile when publishing.
builder.AddStorefront(gateway);

builder.Build().Run();
