using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Images;

/// <summary>
/// <c>GET /api/products/images/{name}</c>, anonymous: a stored rendition, or a generated illustration or a rendition
/// newer than an upload made on first request. Names are never reused for other content, so responses are cacheable for a year (immutable) and the
/// ETag is the name's own hash: a revalidation is answered 304 without reading the store.
/// </summary>
public static class ImageServing
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static async Task<Results<FileStreamHttpResult, StatusCodeHttpResult, NotFound>> ServeAsync(
        string fileName, IImageStore images, GeneratedImages generated, MissingRenditions missing, HttpContext context, CancellationToken ct)
    {
        var format = ImageFormat.FromExtension(Path.GetExtension(fileName));
        if (format is null || !ImageNames.IsValid(fileName))
        {
            return TypedResults.NotFound();
        }

        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileName)).AsSpan(0, 12))}\"";
        context.Response.Headers.CacheControl = CacheControl;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var stream = await images.OpenReadAsync(fileName, ct);
        if (stream is null && (await generated.EnsureAsync(fileName, ct) || await missing.EnsureAsync(fileName, ct)))
        {
            stream = await images.OpenReadAsync(fileName, ct);
        }

        if (stream is null)
        {
            // Not cacheable for a year: the name may become valid (an illustration drawn after a rename reverted).
            context.Response.Headers.Remove("ETag");
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(stream, format.ContentType);
    }
}
