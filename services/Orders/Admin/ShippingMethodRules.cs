using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Admin;

/// <summary>Create or replace a shipping method; <see cref="Version"/> (from the list) is required to replace one.</summary>
public sealed record SaveShippingMethodRequest(
    string? Name,
    string? Zone,
    IReadOnlyList<string>? Countries,
    ShippingRateKind? RateKind,
    decimal? FlatFee,
    IReadOnlyList<ShippingBand>? Bands,
    decimal? FreeOver,
    int? MinDays,
    int? MaxDays,
    bool? Active,
    int? SortOrder,
    uint? Version);

public sealed record ShippingMethodView(
    string Code, string Name, string Zone, IReadOnlyList<string> Countries, ShippingRateKind RateKind, decimal FlatFee,
    IReadOnlyList<ShippingBand> Bands, decimal? FreeOver, int MinDays, int MaxDays, bool Active, int SortOrder, uint Version)
{
    public static ShippingMethodView From(ShippingMethod m) =>
        new(m.Code, m.Name, m.Zone, m.Countries, m.RateKind, m.FlatFee, m.Bands, m.FreeOver, m.MinDays, m.MaxDays, m.Active, m.SortOrder, m.Version);
}

/// <summary>What makes a shipping method valid; every error names its field.</summary>
public static class ShippingMethodRules
{
    public static ValidationErrors Validate(string code, SaveShippingMethodRequest r)
    {
        var errors = new ValidationErrors();
        errors.Check(QuoteInput.IsShippingCode(code), "code", QuoteInput.ShippingCodeRule);
        errors.Text("name", r.Name, required: true, maxLength: 100);
        errors.Text("zone", r.Zone, required: true, maxLength: 100);
        errors.Check(r.Countries is { Count: > 0 and <= 250 } && r.Countries.All(c => c == ShippingMethod.RestOfWorld || QuoteInput.IsCountry(c)),
            "countries", "List 1-250 two-letter ISO country codes in capitals, or \"*\" for every country no other method lists.");
        errors.Check(r.RateKind is not null && Enum.IsDefined(r.RateKind.Value), "rateKind", "rateKind is Flat, PriceBand or WeightBand.");
        errors.Check(r.FlatFee is null or (>= 0 and <= 10_000), "flatFee", "flatFee is between 0 and 10,000.");
        errors.Check(r.RateKind != ShippingRateKind.Flat || r.FlatFee is not null, "flatFee", "A flat rate needs its fee.");
        errors.Check(r.RateKind is ShippingRateKind.Flat or null || r.Bands is { Count: > 0 and <= 20 }, "bands", "A banded rate needs 1-20 bands.");
        errors.Check(r.Bands is null || r.Bands.All(b => b is { UpTo: > 0 and <= 100_000_000, Fee: >= 0 and <= 10_000 }),
            "bands", "Each band has upTo above 0 and a fee between 0 and 10,000.");
        errors.Check(r.Bands is null || r.Bands.Select(b => b.UpTo).Distinct().Count() == r.Bands.Count, "bands", "Two bands cannot end at the same upTo.");
        errors.Check(r.FreeOver is null or (>= 0 and <= 1_000_000), "freeOver", "freeOver is between 0 and 1,000,000.");
        errors.Check(r.MinDays is >= 0 and <= 90, "minDays", "minDays is between 0 and 90.");
        errors.Check(r.MaxDays is >= 0 and <= 90 && r.MaxDays >= (r.MinDays ?? 0), "maxDays", "maxDays is between minDays and 90.");
        errors.Check(r.SortOrder is null or (>= 0 and <= 1000), "sortOrder", "sortOrder is between 0 and 1000.");
        return errors;
    }

    public static ValidationErrors VersionRequired() =>
        new ValidationErrors().Add("version", "version (from the method you edited) is required to replace it.");

    public static void Apply(ShippingMethod method, SaveShippingMethodRequest r)
    {
        method.Name = r.Name!.Trim();
        method.Zone = r.Zone!.Trim();
        method.Countries = [.. r.Countries!.Distinct()];
        method.RateKind = r.RateKind!.Value;
        method.FlatFee = r.FlatFee ?? 0;
        method.Bands = [.. (r.Bands ?? []).OrderBy(b => b.UpTo)];
        method.FreeOver = r.FreeOver;
        method.MinDays = r.MinDays!.Value;
        method.MaxDays = r.MaxDays!.Value;
        method.Active = r.Active ?? true;
        method.SortOrder = r.SortOrder ?? 0;
    }
}
