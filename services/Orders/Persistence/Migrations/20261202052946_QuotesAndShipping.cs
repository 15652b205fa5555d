using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <summary>
    /// Orders carry the quote they charge (discount, shipping method and delivery dates, tax by rate and per line), and the
    /// shipping methods move from two settings into a table the back office manages, seeded with the UK store's methods.
    /// Orders placed before keep prices_include_tax = false: their tax was added on top.
    /// </summary>
    public partial class QuotesAndShipping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "delivery_earliest",
                table: "orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "delivery_latest",
                table: "orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "discount",
                table: "orders",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "discount_code",
                table: "orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "prices_include_tax",
                table: "orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "quote_fingerprint",
                table: "orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "shipping_method_code",
                table: "orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "shipping_method_name",
                table: "orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "taxes",
                table: "orders",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "discount",
                table: "order_items",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "tax",
                table: "order_items",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "tax_class",
                table: "order_items",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.AddColumn<decimal>(
                name: "tax_rate",
                table: "order_items",
                type: "numeric(6,5)",
                precision: 6,
                scale: 5,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "shipping_methods",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    rate_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    flat_fee = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    bands = table.Column<string>(type: "jsonb", nullable: false),
                    free_over = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true),
                    min_days = table.Column<int>(type: "integer", nullable: false),
                    max_days = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_methods", x => x.code);
                });

            // The seeded UK store's methods (docs/orders.md); the back office edits them from here on.
            migrationBuilder.Sql("""
                INSERT INTO shipping_methods (code, name, zone, countries, rate_kind, flat_fee, bands, free_over, min_days, max_days, active, sort_order) VALUES
                ('uk-standard', 'Standard delivery', 'United Kingdom', '{GB}', 'Flat', 4.95, '[]', 50, 2, 4, true, 10),
                ('uk-express', 'Express delivery', 'United Kingdom', '{GB}', 'WeightBand', 0,
                    '[{"upTo":2000,"fee":7.95},{"upTo":10000,"fee":12.95},{"upTo":30000,"fee":19.95}]', NULL, 1, 1, true, 20),
                ('uk-collect', 'Click & collect', 'United Kingdom', '{GB}', 'Flat', 0, '[]', NULL, 2, 3, true, 30),
                ('eu-standard', 'European delivery', 'Europe', '{IE,FR,DE,NL,BE,LU,ES,PT,IT,AT,DK,SE,FI,PL,CZ}', 'PriceBand', 0,
                    '[{"upTo":50,"fee":9.95},{"upTo":150,"fee":14.95},{"upTo":1000000,"fee":19.95}]', 200, 4, 8, true, 40),
                ('world-standard', 'International delivery', 'Rest of the world', '{*}', 'WeightBand', 0,
                    '[{"upTo":2000,"fee":14.95},{"upTo":10000,"fee":29.95},{"upTo":30000,"fee":49.95}]', NULL, 7, 15, true, 50);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shipping_methods");

            migrationBuilder.DropColumn(
                name: "delivery_earliest",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "delivery_latest",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "discount",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "discount_code",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "prices_include_tax",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "quote_fingerprint",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "shipping_method_code",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "shipping_method_name",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "taxes",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "discount",
                table: "order_items");

            migrationBuilder.DropColumn(
                name: "tax",
                table: "order_items");

            migrationBuilder.DropColumn(
                name: "tax_class",
                table: "order_items");

            migrationBuilder.DropColumn(
                name: "tax_rate",
                table: "order_items");
        }
    }
}
