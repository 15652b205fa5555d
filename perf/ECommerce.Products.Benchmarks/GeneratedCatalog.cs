namespace ECommerce.Products.Benchmarks;

/// <summary>
/// A generated catalog of any size for the search benchmarks: names composed from word lists (adjective, material,
/// colour, product noun; the noun decides the category) and descriptions from templates whose first sentence says
/// what the thing is for ("keeps a pot of tea warm"), which is the sentence the embedding reads. Deterministic (fixed
/// seed): the same count gives the same products, texts and ids, so the embedding cache on disk stays valid.
/// Also compiled into tests/ECommerce.Products.Tests, which checks the names are distinct.
/// </summary>
internal static class GeneratedCatalog
{
    public sealed record Item(Guid Id, string Sku, string Name, string Description, string Category, string Brand, string Material, string Colour, decimal Price);

    private sealed record Noun(string Name, string Category, string Use);

    private static readonly string[] Adjectives =
    [
        "Vintage", "Rustic", "Modern", "Classic", "Handmade", "Compact", "Deluxe", "Elegant", "Minimalist", "Retro",
        "Floral", "Striped", "Spotty", "Scandi", "Cosy", "Folding", "Stackable", "Sturdy", "Hand-painted", "Speckled",
        "Embroidered", "Scalloped", "Ribbed", "Hammered", "Quilted", "Gingham", "Botanical", "Nautical", "Art Deco", "Farmhouse",
        "Coastal", "Woodland", "Geometric", "Paisley", "Polka Dot", "Oversized", "Mini", "Heritage", "Country", "Bohemian",
    ];

    private static readonly string[] Materials =
    [
        "Ceramic", "Stoneware", "Porcelain", "Enamel", "Glass", "Oak", "Bamboo", "Cotton", "Linen", "Wool",
        "Felt", "Leather", "Brass", "Copper", "Steel", "Tin", "Wicker", "Jute", "Velvet", "Marble",
    ];

    private static readonly string[] Colours =
    [
        "Red", "Navy", "Sage Green", "Mustard", "Blush Pink", "Ivory", "Charcoal", "Teal", "Terracotta", "Duck Egg Blue",
        "Forest Green", "Lilac", "Cream", "Black", "White", "Ochre", "Coral", "Slate Grey", "Burgundy", "Sky Blue",
        "Olive", "Lemon", "Rust", "Plum", "Silver",
    ];

    private static readonly Noun[] Nouns =
    [
        new("Mug", "Kitchen & Dining", "holds a generous cup of coffee or tea"),
        new("Teapot", "Kitchen & Dining", "brews loose leaf tea and keeps the pot hot"),
        new("Tea Cosy", "Kitchen & Dining", "keeps a pot of tea warm at the table"),
        new("Cup and Saucer", "Kitchen & Dining", "serves afternoon tea"),
        new("Cake Stand", "Kitchen & Dining", "shows off cakes and scones"),
        new("Milk Jug", "Kitchen & Dining", "pours milk or cream"),
        new("Serving Bowl", "Kitchen & Dining", "serves salads and pasta"),
        new("Dinner Plate", "Kitchen & Dining", "serves an everyday meal"),
        new("Cafetiere", "Kitchen & Dining", "makes fresh coffee for two"),
        new("Coaster Set", "Kitchen & Dining", "protects the table from hot drinks"),
        new("Egg Cup", "Kitchen & Dining", "holds a soft boiled egg at breakfast"),
        new("Storage Jar", "Kitchen & Dining", "keeps pasta, rice and biscuits fresh"),
        new("Water Bottle", "Kitchen & Dining", "carries a drink on the go"),
        new("Lunch Box", "Kitchen & Dining", "packs a lunch for work or school"),
        new("Apron", "Kitchen & Dining", "keeps clothes clean while cooking"),
        new("Tea Towel", "Kitchen & Dining", "dries dishes"),
        new("Baking Tin", "Kitchen & Dining", "bakes cakes and loaves"),
        new("Pillar Candle", "Candles & Lighting", "fills a room with soft candlelight"),
        new("Tea Light Holder", "Candles & Lighting", "holds a flickering tea light"),
        new("Lantern", "Candles & Lighting", "lights up the garden or a windowsill"),
        new("Table Lamp", "Candles & Lighting", "lights a desk or bedside"),
        new("Fairy Lights", "Candles & Lighting", "adds a warm glow to a shelf"),
        new("Tote Bag", "Bags", "carries shopping and books"),
        new("Backpack", "Bags", "carries everyday essentials"),
        new("Purse", "Bags", "keeps coins and cards together"),
        new("Wash Bag", "Bags", "packs toiletries for travel"),
        new("Necklace", "Jewellery", "is worn as a statement piece"),
        new("Bracelet", "Jewellery", "is stacked on the wrist"),
        new("Earrings", "Jewellery", "add a little sparkle"),
        new("Hair Clip", "Jewellery", "holds hair in place"),
        new("Umbrella", "Umbrellas & Rainwear", "keeps you dry in the rain"),
        new("Rain Poncho", "Umbrellas & Rainwear", "keeps off a summer shower"),
        new("Greeting Card", "Cards & Gift Wrap", "sends birthday wishes"),
        new("Gift Wrap Roll", "Cards & Gift Wrap", "wraps a present"),
        new("Gift Tag Set", "Cards & Gift Wrap", "labels presents"),
        new("Notebook", "Stationery", "holds notes, lists and sketches"),
        new("Pencil Case", "Stationery", "keeps pens and pencils together"),
        new("Desk Planner", "Stationery", "organises the week ahead"),
        new("Journal", "Stationery", "records thoughts and travels"),
        new("Rag Doll", "Toys & Games", "is a cuddly companion for a child"),
        new("Jigsaw Puzzle", "Toys & Games", "makes a rainy afternoon pass"),
        new("Wooden Train", "Toys & Games", "is a pull-along toy for toddlers"),
        new("Skittles Set", "Toys & Games", "is a game for the whole family"),
        new("Plant Pot", "Garden", "holds a houseplant or herbs"),
        new("Bird Feeder", "Garden", "feeds garden birds through the winter"),
        new("Watering Can", "Garden", "waters pots and borders"),
        new("Seed Tin", "Garden", "stores seed packets"),
        new("Cushion Cover", "Decor", "dresses a sofa or bed"),
        new("Photo Frame", "Decor", "displays a favourite photograph"),
        new("Wall Clock", "Decor", "tells the time in the kitchen"),
        new("Throw Blanket", "Decor", "keeps you warm on the sofa"),
        new("Wall Mirror", "Decor", "brightens a hallway"),
        new("Doormat", "Decor", "welcomes guests at the front door"),
        new("Hanging Heart", "Decor", "hangs on a door or window"),
        new("Storage Basket", "Storage", "tidies toys and blankets away"),
        new("Jewellery Box", "Storage", "keeps rings and necklaces safe"),
        new("Coat Hook", "Storage", "hangs coats and bags by the door"),
        new("Shoe Rack", "Storage", "keeps shoes tidy"),
        new("Christmas Bauble", "Christmas", "decorates the Christmas tree"),
        new("Advent Calendar", "Christmas", "counts down the days to Christmas"),
        new("Christmas Stocking", "Christmas", "waits by the fireplace for presents"),
        new("Easter Egg Hunt Kit", "Easter & Spring", "sets up an egg hunt in the garden"),
        new("Bunny Bunting", "Easter & Spring", "decorates for spring"),
    ];

    private static readonly string[] Finishes =
    [
        "Finished in {0} with a {1} look.", "In {0}, with a {1} feel.", "A {1} design in {0}.", "Shown here in {0}; the style is {1}.",
    ];

    private static readonly string[] Care =
    [
        "Wipe clean with a damp cloth.", "Makes a thoughtful gift.", "Designed in our Bristol studio.", "Sold individually.",
        "Part of our everyday range.", "Packed in recycled card.",
    ];

    /// <summary>The category names the generated products fall in (every one of them is used).</summary>
    public static IEnumerable<string> Categories => Nouns.Select(n => n.Category).Distinct();

    /// <summary>
    /// <paramref name="count"/> products with distinct names (at most 40 × 20 × 25 × 64 = 1.28 million); the first ones
    /// of a larger catalog are not those of a smaller one, so each size is its own catalog.
    /// </summary>
    public static List<Item> Generate(int count, IReadOnlyList<string> brands)
    {
        var combinations = Adjectives.Length * Materials.Length * Colours.Length * Nouns.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, combinations / 2);
        var random = new Random(22_100_000 + count);
        var names = new HashSet<string>(count, StringComparer.Ordinal);
        var items = new List<Item>(count);
        while (items.Count < count)
        {
            var adjective = Adjectives[random.Next(Adjectives.Length)];
            var material = Materials[random.Next(Materials.Length)];
            var colour = Colours[random.Next(Colours.Length)];
            var noun = Nouns[random.Next(Nouns.Length)];
            var name = $"{adjective} {material} {noun.Name} in {colour}";
            if (!names.Add(name))
            {
                continue;
            }

            var n = items.Count;
            var description = $"A {material.ToLowerInvariant()} {noun.Name.ToLowerInvariant()} that {noun.Use}. "
                + string.Format(System.Globalization.CultureInfo.InvariantCulture, Finishes[random.Next(Finishes.Length)], colour.ToLowerInvariant(), adjective.ToLowerInvariant())
                + " " + Care[random.Next(Care.Length)];
            var bytes = new byte[16];
            random.NextBytes(bytes);
            items.Add(new Item(
                new Guid(bytes), $"GEN-{n:D6}", name, description, noun.Category, brands[random.Next(brands.Count)],
                material, colour, Math.Round(1.5m + (decimal)(random.NextDouble() * random.NextDouble()) * 60m, 2)));
        }

        return items;
    }
}
