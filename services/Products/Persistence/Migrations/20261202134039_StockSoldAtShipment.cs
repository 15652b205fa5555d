using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Products.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StockSoldAtShipment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Shipped",
                table: "reservation_lines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Reservations committed before this change were moved to sold when paid: count them as shipped, so a
            // shipment of them moves nothing twice and a cancel puts them back from sold, as it did.
            migrationBuilder.Sql("""
                UPDATE reservation_lines l SET "Shipped" = l."Quantity"
                FROM reservations r WHERE r."Id" = l."ReservationId" AND r."Status" = 'Committed'
                """);

            migrationBuilder.CreateTable(
                name: "stock_movements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_movements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_OrderId",
                table: "stock_movements",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stock_movements");

            migrationBuilder.DropColumn(
                name: "Shipped",
                table: "reservation_lines");
        }
    }
}
