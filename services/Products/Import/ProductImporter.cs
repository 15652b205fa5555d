using System.Globalization;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Csv;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Import;

/// <summary>The result of an import: what was applied, and each rejected row with the field and reason.</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ImportRowError> Errors);

/// <summary>Row numbers count the header as row 1, as a spreadsheet shows them.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>
/// Bulk create/update from CSV with the header <c>sku,name,description,price,currency,category,brand,stock</c>,
/// optionally followed by <c>family</c> and <c>option:&lt;Name&gt;</c> columns that make rows variants of a family
/// (<see cref="FamilyImport"/>). Rows are upserted by SKU; a bad row is reported and skipped whole, the good rows are applied.
/// </summary>
public sealed class ProductImporter(ProductsDbContext db)
{
    /// <summary>The products this import changed and the families it created or changed, for the caller's cache eviction.</summary>
    public List<Guid> UpdatedProducts { get; } = [];

    public List<ProductFamily> TouchedFamilies { get; } = [];

    public static readonly string[] Columns = ["sku", "name", "description", "price", "currency", "category", "brand", "stock"];
    public const int MaxRows = 5000;

    public async Task<ImportResult> ImportAsync(TextReader csv, string actor, CancellationToken ct)
    {
        var errors = new List<ImportRowError>();
        var rows = new List<(int Row, string[] Fields)>();
        var number = 0;
        ImportHeader? header = null;
        await foreach (var fields in CsvReader.ReadAsync(csv, ct))
        {
            number++;
            if (number == 1)
            {
                (header, var problem) = ImportHeader.Parse(fields);
                if (header is null)
                {
                    return new ImportResult(0, 0, [new ImportRowError(1, "header", problem!)]);
                }

                continue;
            }

            if (fields is [""])
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                errors.Add(new ImportRowError(number, "row", $"At most {MaxRows} rows per import."));
                break;
            }

            rows.Add((number, fields));
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, ct);
        if (header is null)
        {
            return new ImportResult(0, 0, errors);
        }

        var families = header.HasFamilies ? new FamilyImport(db, header) : null;
        if (families is not null)
        {
            await families.LoadAsync(rows.Select(r => r.Fields), ct);
        }

        var skus = rows.Where(r => r.Fields.Length == header.Width).Select(r => r.Fields[0].Trim()).ToList();
        var existing = await db.Products.Include(p => p.Stock).Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
        var seen = new HashSet<string>();
        int created = 0, updated = 0;
        foreach (var (row, f) in rows)
        {
            if (f.Length != header.Width)
            {
                errors.Add(new ImportRowError(row, "row", $"Expected {header.Width} fields, found {f.Length}."));
                continue;
            }

            var rowErrors = new ValidationErrors();
            decimal? price = decimal.TryParse(f[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) ? p : null;
            int? stock = f[7].Trim().Length == 0 ? 0 : int.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var currency = f[4].Trim().Length == 0 ? ProductRules.DefaultCurrency : f[4].Trim().ToUpperInvariant();
            ProductRules.Validate(rowErrors, f[0].Trim(), f[1], price, currency, f[5].Trim(), f[6], f[2], creating: true);
            if (stock is null)
            {
                rowErrors.Add("stock", "stock must be a whole number of at least 0.");
            }

            if (!rowErrors.Has("category") && !categories.ContainsKey(f[5].Trim().ToLowerInvariant()))
            {
                rowErrors.Add("category", $"There is no category '{f[5].Trim()}'.");
            }

            if (!rowErrors.Has("sku") && !seen.Add(f[0].Trim()))
            {
                rowErrors.Add("sku", "The sku appears twice in this file.");
            }

            // Last, so a family is only shaped (its first row's options) by a row that is otherwise valid.
            var variant = families is null || rowErrors.HasErrors ? null
                : await families.CheckAsync(f, f[0].Trim(), f[5].Trim().ToLowerInvariant(), Slugs.From(f[6]), rowErrors, ct);
            if (rowErrors.HasErrors)
            {
                errors.AddRange(rowErrors.ToDictionary().Select(e => new ImportRowError(row, e.Key, e.Value[0])));
                continue;
            }

            var sku = f[0].Trim();
            var category = categories[f[5].Trim().ToLowerInvariant()];
            var isNew = !existing.TryGetValue(sku, out var product);
            if (!isNew)
            {
                updated++;
            }
            else
            {
                created++;
                var slugName = variant is null ? f[1] : $"{f[1].Trim()} {variant.Label}";
                product = new Product { Sku = sku, Name = f[1].Trim(), Slug = await db.UniqueSlugAsync(slugName, sku, ct), Stock = new StockItem() };
                db.Products.Add(product);
            }

            var (oldPrice, oldStock) = (product!.Price, product.Stock!.Available);
            product.Name = f[1].Trim();
            product.Description = f[2].Trim();
            product.Price = price!.Value;
            product.Currency = currency;
            product.CategoryId = category.Id;
            product.Brand = await db.BrandNamedAsync(f[6], ct);
            product.Stock!.Available = stock!.Value;
            product.UpdatedAt = DateTimeOffset.UtcNow;
            if (variant is not null)
            {
                families!.Apply(variant, product, category, product.Brand);
            }

            if (!isNew)
            {
                UpdatedProducts.Add(product.Id);
            }

            if (!isNew && oldPrice != product.Price)
            {
                db.AddIntegrationEvent(new ProductPriceChanged(product.Id, oldPrice, product.Price, product.Currency));
            }

            db.AddIntegrationEvent(new ProductUpdated(product.Id, product.Name, category.Slug, product.Active));
            if (stock.Value != oldStock)
            {
                db.StockAdjustments.Add(new StockAdjustment
                {
                    ProductId = product.Id,
                    Delta = stock.Value - oldStock,
                    Reason = "csv import",
                    Actor = actor,
                    AvailableAfter = stock.Value,
                });
            }
        }

        TouchedFamilies.AddRange(families?.Touched ?? []);
        return new ImportResult(created, updated, errors);
    }
}
