using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Products.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The catalog's vocabulary for "did you mean" (Search/SpellingCorrection.cs): every word of at least three
            // characters with a letter in an active product's name, category and brand, its English stem (to know
            // "teapots" when the catalog says "teapot") and how many products carry it. Refreshed by the service
            // (Search/SearchVocabulary.cs); the unique index lets it refresh CONCURRENTLY, the trigram index serves `%`.
            migrationBuilder.Sql("""
                CREATE MATERIALIZED VIEW search_words AS
                SELECT w.word, (ts_lexize('english_stem', w.word))[1] AS stem, count(DISTINCT w.product)::int AS products
                FROM (
                    SELECT p."Id" AS product,
                           regexp_split_to_table(lower(p."Name" || ' ' || c."Name" || ' ' || b."Name"), '[^[:alnum:]]+') AS word
                    FROM products p
                    JOIN categories c ON c."Id" = p."CategoryId"
                    JOIN brands b ON b."Id" = p."BrandId"
                    WHERE p."Active"
                ) w
                WHERE length(w.word) >= 3 AND w.word ~ '[[:alpha:]]'
                GROUP BY w.word;
                CREATE UNIQUE INDEX "IX_search_words_word" ON search_words (word);
                CREATE INDEX "IX_search_words_stem" ON search_words (stem);
                CREATE INDEX "IX_search_words_word_trgm" ON search_words USING gin (word gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP MATERIALIZED VIEW IF EXISTS search_words;");
        }
    }
}
