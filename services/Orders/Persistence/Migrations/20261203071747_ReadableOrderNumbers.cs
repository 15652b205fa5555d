using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <summary>
    /// Order numbers a person can read out (issue #21): the sequence <c>order_numbers</c> from 100001, and
    /// <c>orders.number</c> taking its next value by default, unique. Orders that exist already are numbered in the order
    /// they were placed (ties by id) before the column becomes required, and the sequence continues after the largest.
    /// Edited by hand after generation: EF would add the column with its default, which numbers existing rows in
    /// whatever order PostgreSQL stores them.
    /// </summary>
    public partial class ReadableOrderNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index on the legacy number (the id's hex tail, migration OrderNumberIndex) keeps working under a name
            // that says what it is; "ix_orders_number" and EF's "IX_orders_number" would differ only in letter case.
            migrationBuilder.Sql("ALTER INDEX IF EXISTS ix_orders_number RENAME TO ix_orders_legacy_number;");

            migrationBuilder.CreateSequence(
                name: "order_numbers",
                startValue: 100001L,
                maxValue: 99999999999L);

            migrationBuilder.AddColumn<long>(
                name: "number",
                table: "orders",
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE orders SET number = numbered.number
                FROM (SELECT id, 100000 + row_number() OVER (ORDER BY created_at, id) AS number FROM orders) AS numbered
                WHERE orders.id = numbered.id;
                """);

            // is_called = true: the next nextval is one past the largest number given above.
            migrationBuilder.Sql("SELECT setval('order_numbers', max(number)) FROM orders HAVING max(number) IS NOT NULL;");

            migrationBuilder.AlterColumn<long>(
                name: "number",
                table: "orders",
                type: "bigint",
                nullable: false,
                defaultValueSql: "nextval('order_numbers')",
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_number",
                table: "orders",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_number",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "number",
                table: "orders");

            migrationBuilder.DropSequence(
                name: "order_numbers");

            migrationBuilder.Sql("ALTER INDEX IF EXISTS ix_orders_legacy_number RENAME TO ix_orders_number;");
        }
    }
}
