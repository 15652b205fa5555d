using ECommerce.Contracts;

namespace ECommerce.Products.Domain;

/// <summary>The fields a create or update is checked against, in one place for the API and the CSV import.</summary>
public static class ProductRules
{
    /// <summary>The currency of a product created without one.</summary>
    public const string DefaultCurrency = "GBP";

    /// <summary>
    /// A price is a whole number of the currency's minor units (ISO 4217 exponent: ¥14, £1.23, KWD 1.234); a finer
    /// one (¥14.34, £1.234) is refused rather than rounded, so what the admin typed is what shoppers pay.
    /// </summary>
    public const string DefaultTaxClass = "standard";

    /// <summary>What a product weighs when nobody said: a parcel-sized guess, so weight bands never ship for nothing.</summary>
    public const int DefaultWeightGrams = 500;

    public static readonly IReadOnlyList<string> TaxClasses = ["standard", "reduced", "zero"];

    /// <summary>Checks the optional tax class and weight of a create or an edit.</summary>
    public static void ValidateShipping(ValidationErrors errors, string? taxClass, int? weightGrams)
    {
        errors.Check(taxClass is null || TaxClasses.Contains(taxClass), "taxClass", "taxClass is one of standard, reduced or zero.");
        errors.Check(weightGrams is null or (>= 0 and <= 1_000_000), "weightGrams", "weightGrams is between 0 and 1,000,000.");
    }

    public static void ValidatePrecision(ValidationErrors errors, decimal? price, string currency)
    {
        if (price is { } p && !Money.IsRepresentable(p, currency))
        {
            var exponent = Currencies.ExponentOf(currency);
            errors.Add("price", exponent == 0
                ? $"price must be a whole number of {currency} ({currency} has no minor unit)."
                : $"price has at most {exponent} decimals in {currency}.");
        }
    }

    public static void Validate(ValidationErrors errors, string? sku, string? name, decimal? price, string? currency, string? category, string? brand, string? description, bool creating)
    {
        if (creating && (string.IsNullOrWhiteSpace(sku) || sku.Length > 64))
        {
            errors.Add("sku", "sku is required (at most 64 characters).");
        }

        if ((creating || name is not null) && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            errors.Add("name", "name is required (at most 200 characters).");
        }

        if ((creating || price is not null) && price is not (>= 0m and <= 1_000_000m))
        {
            errors.Add("price", "price must be between 0 and 1,000,000.");
        }

        if (currency is not null && !Currencies.IsKnown(currency))
        {
            errors.Add("currency", "currency is a three-letter ISO 4217 code such as GBP.");
        }
        else if (!errors.Has("price") && (creating || currency is not null))
        {
            // An update names no currency; its caller checks the price against the product's.
            ValidatePrecision(errors, price, currency ?? DefaultCurrency);
        }

        if ((creating || category is not null) && string.IsNullOrWhiteSpace(category))
        {
            errors.Add("category", "category (a category slug) is required.");
        }

        if ((creating || brand is not null) && (string.IsNullOrWhiteSpace(brand) || brand.Length > 100))
        {
            errors.Add("brand", "brand is required (at most 100 characters).");
        }

        if (description is { Length: > 4000 })
        {
            errors.Add("description", "description must be at most 4000 characters.");
        }
    }
}
