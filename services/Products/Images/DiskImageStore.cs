using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>
/// Images as files in one folder (<c>Products:Images:Root</c>): only where no blob store is configured (a single process
/// run on its own). Names come from <see cref="ImageNames"/>, which admits no separators or "..", so no path escapes.
/// </summary>
public sealed class DiskImageStore(IOptions<ImageOptions> options, IHostEnvironment environment) : IImageStore
{
    private string Root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));

    public async Task SaveAsync(string name, BinaryData content, string contentType, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var path = PathOf(name);
        // Write under a temporary name and move, so a reader never sees half an image.
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        await File.WriteAllBytesAsync(temporary, content.ToMemory(), ct);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken ct)
    {
        var path = PathOf(name);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(name)));

    private string PathOf(string name) => ImageNames.IsValid(name)
        ? Path.Combine(Root, name)
        : throw new ArgumentException("Not a name this store generates.", nameof(name));
}
