using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Payments.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaymentHoldForReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "hold_for_review",
                table: "payments",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "hold_for_review",
                table: "payments");
        }
    }
}
