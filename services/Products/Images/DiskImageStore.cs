using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>Images as files in one folder (<c>Products:Images:Root</c>); names are generated, so callers never choose a path.</summary>
public sealed partial class DiskImageStore(IOptions<ImageOptions> options, IHostEnvironment environment) : IImageStore
{
    private string Root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));

    public async Task<string> SaveAsync(Guid productId, ImageFormat format, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var fileName = $"{productId:N}-{Guid.NewGuid():N}{format.Extension}";
        var path = Path.Combine(Root, fileName);
        // Write under a temporary name and move, so a reader never sees half an image.
        var temporary = path + ".part";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, ct);
        }

        File.Move(temporary, path);
        return fileName;
    }

    public Task<Stream?> OpenReadAsync(string fileName, CancellationToken ct)
    {
        if (!IsValidName(fileName))
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = Path.Combine(Root, fileName);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    /// <summary>Only names this store generates: no separators, no "..", so no path can escape the folder.</summary>
    public static bool IsValidName(string fileName) => GeneratedName().IsMatch(fileName);

    [GeneratedRegex("^[0-9a-f]{32}-[0-9a-f]{32}\\.(png|jpg|gif|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedName();
}

/// <summary>Image settings (section <c>Products:Images</c>).</summary>
public sealed class ImageOptions
{
    public const string SectionName = "Products:Images";

    /// <summary>Folder for uploaded images, relative to the content root unless absolute.</summary>
    public string Root { get; set; } = ".data/images";

    [System.ComponentModel.DataAnnotations.Range(1024, 50 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}
