using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ECommerce.Products.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Collections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CategorySlugs = table.Column<List<string>>(type: "text[]", nullable: false),
                    BrandSlugs = table.Column<List<string>>(type: "text[]", nullable: false),
                    MinPrice = table.Column<decimal>(type: "numeric(13,3)", precision: 13, scale: 3, nullable: true),
                    MaxPrice = table.Column<decimal>(type: "numeric(13,3)", precision: 13, scale: 3, nullable: true),
                    MinRating = table.Column<int>(type: "integer", nullable: true),
                    Sort = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ProductIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ShowOnHome = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collections", x => x.Id);
                    table.CheckConstraint("CK_collections_min_rating", "\"MinRating\" IS NULL OR \"MinRating\" BETWEEN 1 AND 4");
                });

            migrationBuilder.CreateIndex(
                name: "IX_collections_Active_ShowOnHome_Position",
                table: "collections",
                columns: new[] { "Active", "ShowOnHome", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_collections_Slug",
                table: "collections",
                column: "Slug",
                unique: true);

            // The home page's three rows, until now hard-coded in the storefront, as rule collections an admin can edit.
            migrationBuilder.Sql("""
                INSERT INTO collections ("Slug", "Title", "Description", "Kind", "CategorySlugs", "BrandSlugs", "MaxPrice", "Sort", "ProductIds", "Position", "ShowOnHome", "Active", "UpdatedAt")
                VALUES
                  ('new-in', 'New in', 'The latest arrivals in the shop.', 'Rule', '{}', '{}', NULL, 'newest', '{}', 0, TRUE, TRUE, now()),
                  ('gifts-under-10', 'Gifts under £10', 'Small presents that still feel special.', 'Rule', '{}', '{}', 10, 'best_selling', '{}', 1, TRUE, TRUE, now()),
                  ('best-sellers', 'Best sellers', 'What other shoppers buy most.', 'Rule', '{}', '{}', NULL, 'best_selling', '{}', 2, TRUE, TRUE, now());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collections");
        }
    }
}
