using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <summary>
    /// An index on the order number (the id's last 12 hex digits, see Apis/OrderNumber.cs), so the back office's search
    /// by number reads one index entry instead of every order. Written by hand: the model does not change, only SQL.
    /// </summary>
    [DbContext(typeof(OrdersDbContext))]
    [Migration("20261125040000_OrderNumberIndex")]
    public partial class OrderNumberIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_orders_number ON orders (right(id::text, 12));");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_orders_number;");
    }
}
