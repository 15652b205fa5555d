using ECommerce.Products;
using ECommerce.Products.Catalog;
using ECommerce.Products.Collections;
using ECommerce.Products.Import;
using ECommerce.Products.Inventory;
using ECommerce.Products.Reviews;
using ECommerce.Products.Search;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProductsServices();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapSearchEndpoints();
app.MapProductEndpoints();
app.MapCategoryEndpoints();
app.MapCollectionEndpoints();
app.MapProductAdminEndpoints();
app.MapFamilyAdminEndpoints();
app.MapImportEndpoints();
app.MapInventoryEndpoints();
app.MapReviews();
await app.RunOrMigrateAsync(args);

/// <summary>Entry point, public so WebApplicationFactory can host the service in tests.</summary>
public partial class Program;
