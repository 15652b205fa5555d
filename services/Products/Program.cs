using ECommerce.Products.Apis;
using ECommerce.Products.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProductsServices();

var app = builder.Build();
app.UseDefaultProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapProductsApi();
app.MapCategoriesApi();
app.MapCatalogAdminApi();
app.MapInventoryApi();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host the service in tests.</summary>
public partial class Program;
