using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaymentRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_status_status_changed_at",
                table: "orders");

            migrationBuilder.AddColumn<int>(
                name: "payment_attempts",
                table: "orders",
                type: "integer",
                nullable: false,
                // Orders placed before retries existed are on their first payment.
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "stock_held_until",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_status_status_changed_at",
                table: "orders",
                columns: new[] { "status", "status_changed_at" },
                filter: "status IN ('Pending', 'StockReserved', 'AwaitingPayment')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_status_status_changed_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_attempts",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "stock_held_until",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "IX_orders_status_status_changed_at",
                table: "orders",
                columns: new[] { "status", "status_changed_at" },
                filter: "status IN ('Pending', 'StockReserved')");
        }
    }
}
