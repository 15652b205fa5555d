using System.Net.Http.Headers;
using System.Text;
using ECommerce.Security.Tests.Endpoints;

namespace ECommerce.Security.Tests.Hostile;

/// <summary>
/// Endpoints that read something other than JSON — image uploads (multipart) and the CSV import — get their own
/// hostile requests: path traversal and bidi tricks in file names, files that are not images, files over the
/// configured size, the wrong content types.
/// </summary>
public static class UploadCases
{
    /// <summary>A real 1×1 PNG, so only the name is hostile in the traversal cases.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static IEnumerable<HostileCase> For(ApiEndpoint endpoint, string url, int maxImageBytes)
    {
        if (endpoint.Key == "POST /api/products/{id:guid}/images")
        {
            yield return Multipart(endpoint, url, "path traversal", "../../../../etc/cron.d/evil.png", Png);
            yield return Multipart(endpoint, url, "path traversal", "..\\..\\..\\web.config.png", Png);
            yield return Multipart(endpoint, url, "path traversal", "/etc/passwd", Png);
            yield return Multipart(endpoint, url, "unicode", "photo\u202Egnp.exe", Encoding.UTF8.GetBytes("MZ not an image"));
            yield return Multipart(endpoint, url, "wrong type", "photo.png", Encoding.UTF8.GetBytes("<?php system($_GET['c']); ?>"));
            yield return Multipart(endpoint, url, "wrong type", "image.svg", Encoding.UTF8.GetBytes("<svg onload=\"alert(1)\"/>"));
            yield return Multipart(endpoint, url, "huge body", "big.png", [.. Png, .. new byte[maxImageBytes]]);
            yield return Raw(endpoint, url, "wrong content type", "{\"file\":\"x\"}", "application/json");
            yield return Raw(endpoint, url, "missing fields", "", "multipart/form-data; boundary=nothing");
        }
        else if (endpoint.Key == "POST /api/products/import")
        {
            yield return Raw(endpoint, url, "wrong content type", "{\"sku\":\"X\"}", "application/json");
            yield return Raw(endpoint, url, "wrong content type", "<products/>", "application/xml");
        }
    }

    private static HostileCase Multipart(ApiEndpoint endpoint, string url, string category, string fileName, byte[] bytes) =>
        new(endpoint, category, $"file '{fileName}' ({bytes.Length} bytes)", () =>
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            var form = new MultipartFormDataContent { { file, "file", fileName } };
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        });

    private static HostileCase Raw(ApiEndpoint endpoint, string url, string category, string body, string contentType) =>
        new(endpoint, category, $"{contentType} body", () => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        });
}
