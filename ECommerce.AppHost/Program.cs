using ECommerce.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (a database per service + messaging) and Redis: containers, local processes or external servers.
var infra = builder.AddInfrastructure();

var products = builder.AddProject<Projects.ECommerce_Products>("products")
    .WithInfrastructure(infra, database: "productsdb");

var orders = builder.AddProject<Projects.ECommerce_Orders>("orders")
    .WithInfrastructure(infra, database: "ordersdb")
    .WithReference(products)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.ECommerce_Gateway>("gateway")
    .WithReference(products).WaitFor(products)
    .WithReference(orders).WaitFor(orders)
    .WithExternalHttpEndpoints();

builder.Build().Run();
