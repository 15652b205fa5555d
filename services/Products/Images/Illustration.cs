using ImageMagick;
using ImageMagick.Drawing;

namespace ECommerce.Products.Images;

/// <summary>
/// A clean, flat illustration for a product without a photograph: the background from the first colour word of its
/// name (a soft tint of a category colour when it has none), a simple glyph for its top-level category, and the name.
/// Deterministic, so two replicas drawing the same product store the same bytes.
/// </summary>
public static class Illustration
{
    public const int Size = 1200;

    private static readonly Dictionary<string, string> Colours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = "#d64545",
        ["pink"] = "#e889b0",
        ["rose"] = "#e07a9a",
        ["orange"] = "#ee8b3a",
        ["yellow"] = "#f2c94c",
        ["gold"] = "#c9a43a",
        ["green"] = "#4caf7a",
        ["mint"] = "#8fd3b6",
        ["blue"] = "#3f7fd0",
        ["navy"] = "#27406b",
        ["turquoise"] = "#36b5b0",
        ["purple"] = "#8a5cc2",
        ["lilac"] = "#b99ad8",
        ["brown"] = "#8b5e3c",
        ["black"] = "#2c2c2c",
        ["white"] = "#f4f1ea",
        ["ivory"] = "#f3ecd8",
        ["cream"] = "#efe4c8",
        ["grey"] = "#9aa0a6",
        ["gray"] = "#9aa0a6",
        ["silver"] = "#b8bec4",
        ["copper"] = "#b87333",
        ["natural"] = "#d8c3a0",
        ["wooden"] = "#b08457",
        ["vintage"] = "#c8a27a",
    };

    private static readonly string[] CategoryTints = ["#5b8def", "#e0795b", "#4fae8c", "#b36bd1", "#d9a13b", "#5c9fb0"];

    private static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        "C:\\Windows\\Fonts\\arialbd.ttf",
    ];

    /// <summary>The colour the name's first colour word names, or null.</summary>
    public static string? ColourOf(string name) =>
        name.Split([' ', '-', ',', '/', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Colours.GetValueOrDefault(w)).FirstOrDefault(c => c is not null);

    public static MagickImage Draw(string name, string categoryPath, string? fontPath)
    {
        var accent = new MagickColor(ColourOf(name) ?? CategoryTints[(int)(StableHash(categoryPath) % (uint)CategoryTints.Length)]);
        // A pale tint of the colour fills the canvas; the glyph carries the colour itself.
        var background = Mix(accent, MagickColors.White, 0.78);
        var image = new MagickImage(background, Size, Size);
        var glyph = new Drawables().FillColor(accent).StrokeColor(Mix(accent, MagickColors.Black, 0.25)).StrokeWidth(10);
        AddGlyph(glyph, categoryPath);
        glyph.Draw(image);

        var font = fontPath is not null && File.Exists(fontPath) ? fontPath : FontCandidates.FirstOrDefault(File.Exists);
        if (font is not null)
        {
            var text = new Drawables().Font(font).FontPointSize(64).FillColor(new MagickColor("#1f2328")).TextAlignment(TextAlignment.Center);
            var lines = Wrap(name, 26).Take(3).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                text.Text(Size / 2, 930 + (i * 80), lines[i]);
            }

            text.Draw(image);
        }

        return image;
    }

    /// <summary>A shape per kind of product, from the category slugs (leaf first); a soft square for anything else.</summary>
    private static void AddGlyph(IDrawables<byte> d, string categoryPath)
    {
        const int c = Size / 2;
        switch (categoryPath)
        {
            case var s when s.Contains("kitchen", StringComparison.Ordinal) || s.Contains("dining", StringComparison.Ordinal):
                // A cup: body, handle, saucer.
                d.RoundRectangle(c - 190, 260, c + 150, 640, 40, 40).Ellipse(c + 190, 430, 80, 90, 0, 360).Ellipse(c - 20, 680, 300, 40, 0, 360);
                break;
            case var s when s.Contains("toy", StringComparison.Ordinal) || s.Contains("gift", StringComparison.Ordinal) || s.Contains("party", StringComparison.Ordinal):
                // A parcel with its ribbon.
                d.Rectangle(c - 240, 330, c + 240, 720).Rectangle(c - 270, 260, c + 270, 360).Line(c, 260, c, 720).Line(c - 240, 520, c + 240, 520);
                break;
            case var s when s.Contains("garden", StringComparison.Ordinal) || s.Contains("outdoor", StringComparison.Ordinal):
                // A leaf.
                d.Ellipse(c, 470, 170, 260, 0, 360).Line(c, 230, c, 740);
                break;
            case var s when s.Contains("home", StringComparison.Ordinal) || s.Contains("decor", StringComparison.Ordinal) || s.Contains("light", StringComparison.Ordinal):
                // A house.
                d.Polygon(new PointD(c, 200), new PointD(c + 300, 440), new PointD(c + 230, 440), new PointD(c + 230, 720),
                    new PointD(c - 230, 720), new PointD(c - 230, 440), new PointD(c - 300, 440));
                break;
            default:
                d.RoundRectangle(c - 250, 230, c + 250, 730, 60, 60).Circle(c, 480, c + 110, 480);
                break;
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static MagickColor Mix(IMagickColor<byte> a, IMagickColor<byte> b, double towardB) => new(
        (byte)(a.R + ((b.R - a.R) * towardB)), (byte)(a.G + ((b.G - a.G) * towardB)), (byte)(a.B + ((b.B - a.B) * towardB)));

    /// <summary>FNV-1a: the same on every machine and run, unlike string.GetHashCode.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash;
    }
}
