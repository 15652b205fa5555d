using System.Diagnostics;
using System.Globalization;
using ECommerce.Products.Images;
using ImageMagick;
using Microsoft.Extensions.Options;

/// <summary>
/// <c>--renditions</c>: what each rendition of a photograph costs, in bytes stored and in time to render, with the
/// service's own <see cref="ImageProcessor"/>: a whole upload (every rendition), then the card and the large rendition
/// each on its own from the stored zoom WebP, as an image older than the large rendition gets it on first request.
/// The photograph is ImageMagick's "plasma" noise, the worst case for both encoders (a real photograph compresses better).
/// </summary>
internal static class RenditionBenchmark
{
    public static async Task RunAsync(int runs)
    {
        using var processor = new ImageProcessor(Options.Create(new ImageOptions()));
        using var source = new MagickImage("plasma:", 3000, 2000) { Format = MagickFormat.Jpeg, Quality = 90 };
        var upload = source.ToByteArray();
        Console.WriteLine($"Rendition benchmark — {Environment.ProcessorCount} cores; a 3,000 x 2,000 plasma JPEG of {upload.Length:N0} B; median of {runs} runs");

        var whole = new List<double>();
        ProcessedImage? image = null;
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            image = await processor.ProcessAsync("bench", upload, CancellationToken.None) ?? throw new InvalidOperationException("not decoded");
            whole.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upload, every rendition ({image!.Files.Count} files): {Median(whole):F0} ms"));
        Console.WriteLine("| rendition | JPEG bytes | WebP bytes | render from the zoom WebP (both formats) |");
        Console.WriteLine("| --- | --- | --- | --- |");
        var zoom = image.Files.Single(f => f.Name == ImageNames.Of("bench", ImageNames.Zoom, ImageFormat.WebP)).Content.ToArray();
        foreach (var rendition in ImageNames.Renditions)
        {
            var times = new List<double>();
            for (var i = 0; i < runs && rendition != ImageNames.Zoom; i++)
            {
                var started = Stopwatch.GetTimestamp();
                _ = await processor.RenderFromAsync("bench", zoom, [rendition], CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            long Bytes(ImageFormat format) => image.Files.Single(f => f.Name == ImageNames.Of("bench", rendition, format)).Content.ToMemory().Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rendition.Name} ({rendition.LongSide} px) | {Bytes(ImageFormat.Jpeg):N0} | {Bytes(ImageFormat.WebP):N0} | {(times.Count > 0 ? $"{Median(times):F0} ms" : "(the source)")} |"));
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
