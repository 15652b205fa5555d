namespace ECommerce.Security.Tests.Hostile;

/// <summary>The hostile values, as raw JSON (so they can be what no serializer would write) or as URL text.</summary>
public static class HostileValues
{
    public const string Nul = "\"a\\u0000b\"";
    public const string LoneSurrogate = "\"a\\ud800b\"";
    public const string RtlOverride = "\"GB\\u202Egpj.exe\"";
    public const string ZeroWidth = "\"G\\u200BB\"";
    public const string SqlInjection = "\"' OR '1'='1'; DROP TABLE products; --\"";
    public const string ScriptInjection = "\"<script>alert(document.cookie)</script>\"";
    public const string PathTraversal = "\"../../../../etc/passwd\"";

    /// <summary>Longer than any field allows and than the gateway's 1 MiB body limit.</summary>
    public static readonly string HugeString = "\"" + new string('x', 1_100_000) + "\"";

    /// <summary>(category, raw JSON) pairs for a field of a kind.</summary>
    public static IEnumerable<(string Category, string Json)> For(FieldKind kind)
    {
        var text = new[] { ("wrong type", "12345"), ("wrong type", "{}"), ("huge string", HugeString), ("unicode", Nul), ("unicode", LoneSurrogate) };
        var integers = new[] { ("overflow", "2147483648"), ("overflow", "1e309"), ("wrong type", "1.5"), ("wrong type", "\"1\""), ("wrong type", "true") };
        return kind switch
        {
            FieldKind.Text => text,
            FieldKind.Format => [.. text, ("unicode", RtlOverride), ("unicode", ZeroWidth), ("injection", SqlInjection), ("injection", ScriptInjection), ("path traversal", PathTraversal)],
            FieldKind.Quantity => [.. integers, ("negative", "-1"), ("negative", "0"), ("overflow", "2147483647")],
            FieldKind.Count => [.. integers, ("negative", "-1")],
            FieldKind.Delta => [.. integers, ("overflow", "2147483647")],
            FieldKind.Price => [("negative", "-1"), ("overflow", "2147483647"), ("overflow", "1e309"), ("wrong type", "\"12.50\"")],
            FieldKind.MinorAmount => [("negative", "-1"), ("overflow", "9223372036854775808"), ("overflow", "1e309"), ("wrong type", "1.5"), ("wrong type", "\"100\"")],
            FieldKind.Identifier => [("invalid guid", "\"not-a-guid\""), ("invalid guid", "12"), ("invalid guid", "\"\""), ("invalid guid", "\"00000000-0000-0000-0000-000000000000\""), ("injection", SqlInjection)],
            FieldKind.GuidList => [("wrong type", "\"x\""), ("invalid guid", "[\"not-a-guid\"]"), ("wrong type", "[12]"), ("huge list", "[" + string.Join(',', Enumerable.Range(0, 1000).Select(_ => $"\"{System.Guid.NewGuid()}\"")) + "]")],
            FieldKind.NameList => [("wrong type", "\"OrderPaid\""), ("wrong type", "[12]"), ("missing fields", "[]"), ("unknown name", "[\"NotAnEvent\"]"),
                ("injection", $"[{SqlInjection}]"), ("unicode", $"[{Nul}]"), ("huge list", "[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => $"\"Event{i}\"")) + "]")],
            FieldKind.Bool => [("wrong type", "\"yes\""), ("wrong type", "1")],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Values for a route or query string parameter that must never resolve to anything.</summary>
    public static readonly (string Category, string Url)[] ForRouteText =
    [
        ("path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
        ("path traversal", "%2E%2E%2F%2E%2E%2Fappsettings.json"),
        ("path traversal", "..%5C..%5Cweb.config"),
        ("unicode", "a%00b"),
        ("unicode", "%E2%80%AEgnp.exe"),
        ("unicode", "a%E2%80%8Bb"),
        ("unicode", "%ED%A0%80"),
        ("injection", "%27%20OR%20%271%27%3D%271"),
        ("injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("huge string", new string('a', 5000)),
    ];

    public static readonly (string Category, string Url)[] ForRouteGuid =
    [
        ("invalid guid", "not-a-guid"),
        ("invalid guid", "00000000-0000-0000-0000-00000000000g"),
        ("injection", "1%20OR%201%3D1"),
        ("path traversal", "..%2F..%2Fetc%2Fpasswd"),
    ];

    public static readonly (string Category, string Url)[] ForCursor =
    [
        ("invalid cursor", "!!!"),
        ("invalid cursor", "bm90LWEtY3Vyc29y"),
        ("invalid cursor", "MTIzOm5vdC1hLWd1aWQ"),
        ("invalid cursor", new string('A', 500)),
    ];

    public static readonly (string Category, string Url)[] ForNumber =
    [
        ("wrong type", "abc"),
        ("overflow", "2147483648"),
        ("overflow", "1e309"),
    ];
}
