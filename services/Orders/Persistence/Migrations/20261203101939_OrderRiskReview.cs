using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Orders.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderRiskReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "held_for_review",
                table: "orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "review_decision",
                table: "orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_note",
                table: "orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reviewed_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "orders",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "risk_reasons",
                table: "orders",
                type: "jsonb",
                nullable: false,
                // Orders placed before risk scoring have no reasons: an empty list, which the column's JSON reads back.
                defaultValue: "[]");

            migrationBuilder.AddColumn<double>(
                name: "risk_score",
                table: "orders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "risk_source",
                table: "orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_review_queue",
                table: "orders",
                column: "status_changed_at",
                filter: "status = 'HeldForReview'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_review_queue",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "held_for_review",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "review_decision",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "review_note",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "risk_reasons",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "risk_score",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "risk_source",
                table: "orders");
        }
    }
}
