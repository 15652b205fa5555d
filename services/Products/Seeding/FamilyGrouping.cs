using System.Globalization;

namespace ECommerce.Products.Seeding;

/// <summary>
/// Finds the variant families in a list of product names: names equal once one colour word and/or one size word is
/// taken out ("PINK REGENCY TEACUP AND SAUCER", "GREEN REGENCY TEACUP AND SAUCER" → "Regency Teacup And Saucer" in
/// Pink and Green). A family's members all have the same kinds of words (all a colour, or all a colour and a size),
/// so every variant has a value for every option; a repeated combination stays a standalone product.
/// </summary>
internal static class FamilyGrouping
{
    public static readonly string[] Colours =
    [
        "RED", "BLUE", "PINK", "WHITE", "GREEN", "BLACK", "IVORY", "CREAM", "PURPLE", "ORANGE", "YELLOW", "SILVER", "GOLD",
        "GREY", "BROWN", "NAVY", "TURQUOISE", "LILAC", "AQUA",
    ];

    /// <summary>The dataset's size words (the Size option lists them in <see cref="ECommerce.Products.Domain.SizeOrder"/>).</summary>
    public static readonly string[] Sizes = ["MINI", "SMALL", "MEDIUM", "LARGE", "JUMBO"];

    public sealed record Member(int Index, string? Colour, string? Size);

    public sealed record Family(string Key, string Name, List<Member> Members)
    {
        public bool HasColour => Members[0].Colour is not null;

        public bool HasSize => Members[0].Size is not null;
    }

    public static List<Family> Find(IReadOnlyList<string> names)
    {
        var candidates = new Dictionary<(string Key, bool Colour, bool Size), List<Member>>();
        for (var i = 0; i < names.Count; i++)
        {
            var words = names[i].ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var colours = words.Where(w => Colours.Contains(w)).ToList();
            var sizes = words.Where(w => Sizes.Contains(w)).ToList();
            var rest = words.Where(w => !Colours.Contains(w) && !Sizes.Contains(w)).ToList();
            // One colour and/or one size word, and enough left to name the family ("RED" alone names nothing).
            if (colours.Count > 1 || sizes.Count > 1 || colours.Count + sizes.Count == 0 || rest.Count < 2)
            {
                continue;
            }

            var key = string.Join(' ', rest);
            var slot = (key, colours.Count == 1, sizes.Count == 1);
            if (!candidates.TryGetValue(slot, out var members))
            {
                candidates[slot] = members = [];
            }

            var member = new Member(i, colours.Count == 1 ? Title(colours[0]) : null, sizes.Count == 1 ? Title(sizes[0]) : null);
            if (!members.Any(m => m.Colour == member.Colour && m.Size == member.Size))
            {
                members.Add(member);
            }
        }

        return candidates.Where(c => c.Value.Count >= 2)
            .Select(c => new Family(c.Key.Key, Title(c.Key.Key), c.Value))
            .OrderBy(f => f.Members[0].Index)
            .ToList();
    }

    public static string Title(string text) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant());
}
