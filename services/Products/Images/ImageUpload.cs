namespace ECommerce.Products.Images;

/// <summary>Checks an uploaded image before anything is stored: size, declared type and a harmless name; the bytes are ImageProcessor.Inspect's.</summary>
public static class ImageUpload
{
    public static string? Check(IFormFile? file, long maxBytes)
    {
        if (file is null || file.Length == 0)
        {
            return "Attach one image as the form field 'file'.";
        }

        if (file.Length > maxBytes)
        {
            return $"The image is larger than {maxBytes / 1024} KiB.";
        }

        if (!ImageFormat.All.Any(f => string.Equals(f.ContentType, file.ContentType, StringComparison.OrdinalIgnoreCase)))
        {
            return "The content type must be image/png, image/jpeg, image/gif or image/webp.";
        }

        // The stored name is generated, but a name like "../../x.png" says the client is probing; refuse it outright.
        var name = file.FileName;
        return name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(['/', '\\', '\0']) >= 0
            ? "The file name must not contain a path."
            : null;
    }
}
