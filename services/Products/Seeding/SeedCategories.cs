namespace ECommerce.Products.Seeding;

/// <summary>The seed category tree and the keywords that place a product name in a leaf (first match wins).</summary>
internal static class SeedCategories
{
    public sealed record Leaf(string Slug, string Name, string Parent, string[] Keywords);

    public static readonly (string Slug, string Name)[] Roots =
    [
        ("home", "Home & Living"), ("gifts", "Gifts & Stationery"), ("seasonal", "Seasonal"), ("garden", "Garden & Outdoors"), ("accessories", "Accessories"),
    ];

    public static readonly Leaf[] Leaves =
    [
        new("christmas", "Christmas", "seasonal", ["CHRISTMAS", "XMAS", "ADVENT", "SANTA", "REINDEER", "SNOW", "BAUBLE"]),
        new("easter-and-spring", "Easter & Spring", "seasonal", ["EASTER", "EGG", "BUNNY", "CHICK", "SPRING"]),
        new("candles-and-lighting", "Candles & Lighting", "home", ["CANDLE", "T-LIGHT", "TLIGHT", "LANTERN", "LIGHT", "LAMP", "NIGHT LIGHT"]),
        new("kitchen-and-dining", "Kitchen & Dining", "home", ["MUG", "CUP", "PLATE", "BOWL", "TEA", "CAKE", "JAR", "BOTTLE", "LUNCH", "TIN", "SPOON", "NAPKIN", "BAKING", "CUTLERY", "TRAY", "COASTER", "APRON", "JUG", "GLASS"]),
        new("bags", "Bags", "accessories", ["BAG", "TOTE", "PURSE", "SHOPPER"]),
        new("jewellery", "Jewellery", "accessories", ["NECKLACE", "BRACELET", "EARRINGS", "RING", "BROOCH", "HAIR", "BEAD"]),
        new("umbrellas", "Umbrellas & Rainwear", "accessories", ["UMBRELLA", "RAIN"]),
        new("cards-and-wrap", "Cards & Gift Wrap", "gifts", ["CARD", "WRAP", "RIBBON", "TAPE", "TISSUE", "GIFT"]),
        new("stationery", "Stationery", "gifts", ["NOTEBOOK", "PENCIL", "PEN ", "STICKER", "PAPER", "CALENDAR", "ERASER", "CHALK"]),
        new("toys-and-games", "Toys & Games", "gifts", ["TOY", "DOLL", "GAME", "JIGSAW", "PUZZLE", "SKITTLES", "SPACEBOY", "DOMINOES", "DOLLY", "TEDDY"]),
        new("garden", "Garden", "garden", ["GARDEN", "PLANT", "POT", "BIRD", "WATERING", "FLOWER", "HERB", "SEED"]),
        new("decor", "Decor", "home", ["HEART", "FRAME", "SIGN", "CLOCK", "MIRROR", "ORNAMENT", "DECORATION", "WREATH", "HANGING", "DOORMAT", "CUSHION", "BUNTING", "GARLAND", "VINTAGE"]),
        new("storage", "Storage", "home", ["BOX", "BASKET", "HOLDER", "DRAWER", "CABINET", "HOOK", "RACK", "CASE"]),
    ];

    public const string FallbackLeaf = "decor";

    public static string LeafFor(string name)
    {
        // Keywords match at the start of a word: "TEA" finds "TEACUP" but "TIN" does not find "SETTING".
        var upper = " " + name.ToUpperInvariant().Replace('-', ' ') + " ";
        return Leaves.FirstOrDefault(l => l.Keywords.Any(k => upper.Contains(" " + k.Replace('-', ' ').Trim(), StringComparison.Ordinal)))?.Slug ?? FallbackLeaf;
    }

    public static readonly string[] Brands =
    [
        "Hollybrook", "Marlow & Finch", "Little Wren", "Copperfield", "Northlight", "Paper Moon", "Ivy Lane", "Bramble Co.",
        "Saltmarsh", "Oak & Anchor", "Penny Lane Home", "Fernhill",
    ];
}
