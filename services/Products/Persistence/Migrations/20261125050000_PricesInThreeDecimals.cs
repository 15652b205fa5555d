using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Products.Persistence.Migrations
{
    /// <summary>
    /// A price keeps as many decimals as the currency with the most (KWD, BHD… have three): at scale 2 PostgreSQL
    /// rounded a KWD 1.234 price to 1.23. Precision grows with the scale so no stored price loses a digit.
    /// </summary>
    [DbContext(typeof(ProductsDbContext))]
    [Migration("20261125050000_PricesInThreeDecimals")]
    public partial class PricesInThreeDecimals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.AlterColumn<decimal>(name: "Price", table: "products", type: "numeric(13,3)", precision: 13, scale: 3,
                nullable: false, oldClrType: typeof(decimal), oldType: "numeric(12,2)", oldPrecision: 12, oldScale: 2);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.AlterColumn<decimal>(name: "Price", table: "products", type: "numeric(12,2)", precision: 12, scale: 2,
                nullable: false, oldClrType: typeof(decimal), oldType: "numeric(13,3)", oldPrecision: 13, oldScale: 3);
    }
}
