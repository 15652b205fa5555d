using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Templates;
using ECommerce.ServiceDefaults.Brand;

namespace ECommerce.Notifications.Tests;

/// <summary>
/// The e-mails wear the brand from web/src/brand.json, the file the storefront builds with: read here from the
/// repository, so a test against a stale or different copy fails. (The storefront's half is web/src/shared/brand/brand.test.tsx,
/// the Auth pages' ECommerce.Auth.Tests' BrandedPageTests.)
/// </summary>
public sealed class BrandedMailTests
{
    private static readonly MailRenderer Renderer = new(new TemplateCatalog());

    [Theory]
    [InlineData("en-GB", "The {0} team")]
    [InlineData("fr-FR", "L'équipe {0}")]
    public void A_mail_carries_the_brand_files_name_and_colours_in_its_header_button_and_signature(string language, string signature)
    {
        var brand = RepositoryBrand();
        var link = "https://shop.example.test/account/reset-password?token=abc";

        var mail = Renderer.Render(new MailModel(MailTemplates.PasswordReset, language, "Ada", new Dictionary<string, string>(), ActionLink: link));

        Assert.Equal(brand, StoreBrand.Current);
        Assert.Contains($"<div style=\"background:{brand.Colours.Brand};color:{brand.Colours.BrandInk};", mail.Html, StringComparison.Ordinal);
        Assert.Contains($">{brand.Name}</div>", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"style=\"background:{brand.Colours.Accent};color:{brand.Colours.AccentInk};", mail.Html, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, signature, brand.Name), System.Net.WebUtility.HtmlDecode(mail.Html), StringComparison.Ordinal);
        Assert.Contains($"mailto:{brand.SupportEmail}", mail.Html, StringComparison.Ordinal);
        Assert.Contains(brand.SupportEmail, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{store}", mail.Html + mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#1f4e79", mail.Html, StringComparison.Ordinal);
    }

    /// <summary>web/src/brand.json as the repository has it now.</summary>
    internal static StoreBrand RepositoryBrand()
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
