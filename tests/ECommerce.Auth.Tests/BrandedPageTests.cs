using System.Net;
using ECommerce.ServiceDefaults.Brand;

namespace ECommerce.Auth.Tests;

/// <summary>
/// The Auth pages wear the brand from web/src/brand.json, the file the storefront builds with and the e-mails use:
/// read here from the repository, so a test against a stale or different copy fails.
/// </summary>
public class BrandedPageTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login", "Sign in")]
    [InlineData("/account/register", "Create an account")]
    [InlineData("/account/forgot-password", "Forgot your password?")]
    public async Task An_auth_page_carries_the_brand_files_name_colours_font_logo_and_a_way_back_to_the_shop(string path, string title)
    {
        var brand = RepositoryBrand();
        using var browser = auth.NewBrowser();

        using var response = await browser.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(brand, StoreBrand.Current);
        Assert.Contains($"<title>{WebUtility.HtmlEncode(title)} · {WebUtility.HtmlEncode(brand.Name)}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"--brand:{brand.Colours.Brand};", html, StringComparison.Ordinal);
        Assert.Contains($"--accent:{brand.Colours.Accent};", html, StringComparison.Ordinal);
        Assert.Contains(brand.FontStack, html, StringComparison.Ordinal);
        // The favicon and the header's logo are the brand file's drawing in its colours.
        Assert.Contains($"<link rel=\"icon\" type=\"image/svg+xml\" href=\"{WebUtility.HtmlEncode(brand.FaviconHref)}\">", html, StringComparison.Ordinal);
        Assert.Contains($"fill=\"{brand.Colours.Brand}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"brand\" href=\"/\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the shop</a>", html, StringComparison.Ordinal);
        Assert.Contains($"mailto:{brand.SupportEmail}", html, StringComparison.Ordinal);
    }

    private static StoreBrand RepositoryBrand()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ECommerce.sln")))
        {
            directory = directory.Parent;
        }

        using var file = File.OpenRead(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("ECommerce.sln not found."), "web", "src", "brand.json"));
        return StoreBrand.Parse(file);
    }
}
