using System.Globalization;

namespace ECommerce.Products.Seeding;

/// <summary>A generated catalog in the dataset's shape, for machines without the dataset (CI): fixed seed, same output every time.</summary>
internal static class SyntheticCatalog
{
    private static readonly string[] Adjectives =
    [
        "RED", "BLUE", "VINTAGE", "PINK", "WHITE", "GREEN", "RETRO", "FLORAL", "SPOTTY", "STRIPED", "WOODEN", "ENAMEL",
        "GLASS", "PAISLEY", "GINGHAM", "SILVER", "GOLD", "PASTEL",
    ];

    private static readonly string[] Things =
    [
        "HEART T-LIGHT HOLDER", "CANDLE", "MUG", "TEA CUP AND SAUCER", "CAKE STAND", "LUNCH BAG", "TOTE BAG", "NOTEBOOK",
        "GREETING CARD", "GIFT WRAP", "JIGSAW PUZZLE", "RAG DOLL", "GARDEN PLANT POT", "BIRD HOUSE", "NECKLACE", "UMBRELLA",
        "CHRISTMAS BAUBLE", "ADVENT CALENDAR", "EASTER EGG HUNT KIT", "PHOTO FRAME", "WALL CLOCK", "STORAGE BOX",
        "HANGING HEART", "DOORMAT", "CUSHION COVER", "BUNTING", "LANTERN", "JAM JAR", "BAKING SET", "COASTER SET",
    ];

    public static List<RetailProduct> Generate(int count)
    {
        var random = new Random(20101201);
        var result = new List<RetailProduct>(count);
        var names = new HashSet<string>();
        var code = 20000;
        while (result.Count < count)
        {
            var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Things[random.Next(Things.Length)]}";
            // Some things come in sizes, so the generated catalog has colour-and-size families as the dataset does.
            if (name.EndsWith(" TOTE BAG", StringComparison.Ordinal) || name.EndsWith(" CUSHION COVER", StringComparison.Ordinal))
            {
                name = $"{(random.Next(2) == 0 ? "SMALL" : "LARGE")} {name}";
            }

            if (!names.Add(name))
            {
                name = $"{name} {Adjectives[random.Next(Adjectives.Length)]} EDITION";
                if (!names.Add(name))
                {
                    continue;
                }
            }

            var price = Math.Round(0.39m + (decimal)(random.NextDouble() * random.NextDouble()) * 40m, 2);
            result.Add(new RetailProduct((code++).ToString(CultureInfo.InvariantCulture), name, price, random.Next(0, 5000), random.Next(1, 2000)));
        }

        return result;
    }
}
