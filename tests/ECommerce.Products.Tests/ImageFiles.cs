using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using ImageMagick;

namespace ECommerce.Products.Tests;

/// <summary>Files for the image tests: real photographs-to-be, and hostile ones built byte by byte.</summary>
internal static class ImageFiles
{
    /// <summary>An 800 x 600 JPEG with EXIF GPS coordinates, a camera model, and orientation 6 (shown rotated 90° clockwise).</summary>
    public static byte[] JpegWithGps()
    {
        using var image = new MagickImage(new MagickColor("#e07a2f"), 800, 600);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(30, 1), new Rational(26, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(0, 1), new Rational(7, 1), new Rational(39, 1)]);
        exif.SetValue(ExifTag.Model, "Test Camera");
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.SetProfile(exif);
        // ImageMagick writes the image's own orientation into the EXIF it saves, so set both.
        image.Orientation = Orientation.RightTop;
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    /// <summary>A PNG of a few hundred bytes whose header declares <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        // One compressed run of zeros: it would inflate to the whole canvas if anything decoded it.
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
