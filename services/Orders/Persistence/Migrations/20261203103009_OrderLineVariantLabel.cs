using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderLineVariantLabel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "variant_label",
                table: "order_items",
                type: "character varying(130)",
                maxLength: 130,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "variant_label",
                table: "order_items");
        }
    }
}
