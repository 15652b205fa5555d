using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <summary>
    /// Amounts keep as many decimals as the currency with the most (KWD, BHD… have three): at scale 2 PostgreSQL
    /// rounded a KWD 1.234 total to 1.23. Widening the scale changes no stored value.
    /// </summary>
    [DbContext(typeof(OrdersDbContext))]
    [Migration("20261125050000_AmountsInThreeDecimals")]
    public partial class AmountsInThreeDecimals : Migration
    {
        private static readonly string[] OrderAmounts = ["subtotal", "shipping", "tax", "total"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => SetScale(migrationBuilder, 3, 2);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => SetScale(migrationBuilder, 2, 3);

        private static void SetScale(MigrationBuilder migrationBuilder, int scale, int oldScale)
        {
            foreach (var column in OrderAmounts)
            {
                migrationBuilder.AlterColumn<decimal>(name: column, table: "orders", type: $"numeric(18,{scale})", precision: 18, scale: scale,
                    nullable: false, oldClrType: typeof(decimal), oldType: $"numeric(18,{oldScale})", oldPrecision: 18, oldScale: oldScale);
            }

            migrationBuilder.AlterColumn<decimal>(name: "unit_price", table: "order_items", type: $"numeric(18,{scale})", precision: 18, scale: scale,
                nullable: false, oldClrType: typeof(decimal), oldType: $"numeric(18,{oldScale})", oldPrecision: 18, oldScale: oldScale);
        }
    }
}
