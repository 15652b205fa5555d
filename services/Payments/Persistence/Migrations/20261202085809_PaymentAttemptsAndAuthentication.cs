using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Payments.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaymentAttemptsAndAuthentication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "payments",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "client_secret",
                table: "payments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempt",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "client_secret",
                table: "payments");
        }
    }
}
