using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Products.Persistence.Migrations
{
    /// <summary>
    /// Every product gets a tax class and a unit weight for Orders' quote. Existing rows (and rows the seeder inserts
    /// without them) become standard-rated parcels of 500 g; the model itself sets both on every insert.
    /// </summary>
    public partial class TaxClassAndWeight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TaxClass",
                table: "products",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.AddColumn<int>(
                name: "WeightGrams",
                table: "products",
                type: "integer",
                nullable: false,
                defaultValue: 500);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TaxClass",
                table: "products");

            migrationBuilder.DropColumn(
                name: "WeightGrams",
                table: "products");
        }
    }
}
