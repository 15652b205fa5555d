using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.Products.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProductFamilies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FamilyId",
                table: "products",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OptionValues",
                table: "products",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "ColourValue",
                table: "products",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                computedColumnSql: "lower(coalesce(\"OptionValues\" ->> 'Colour', \"OptionValues\" ->> 'Color'))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "SizeValue",
                table: "products",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                computedColumnSql: "lower(\"OptionValues\" ->> 'Size')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "product_families",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    BrandId = table.Column<int>(type: "integer", nullable: false),
                    Options = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_families", x => x.Id);
                    table.ForeignKey(
                        name: "FK_product_families_brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_product_families_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_products_ColourValue",
                table: "products",
                column: "ColourValue");

            migrationBuilder.CreateIndex(
                name: "IX_products_FamilyId",
                table: "products",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_products_SizeValue",
                table: "products",
                column: "SizeValue");

            migrationBuilder.CreateIndex(
                name: "IX_product_families_BrandId",
                table: "product_families",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_product_families_CategoryId",
                table: "product_families",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_product_families_Slug",
                table: "product_families",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_products_product_families_FamilyId",
                table: "products",
                column: "FamilyId",
                principalTable: "product_families",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_products_product_families_FamilyId",
                table: "products");

            migrationBuilder.DropTable(
                name: "product_families");

            migrationBuilder.DropIndex(
                name: "IX_products_ColourValue",
                table: "products");

            migrationBuilder.DropIndex(
                name: "IX_products_FamilyId",
                table: "products");

            migrationBuilder.DropIndex(
                name: "IX_products_SizeValue",
                table: "products");

            migrationBuilder.DropColumn(
                name: "ColourValue",
                table: "products");

            migrationBuilder.DropColumn(
                name: "SizeValue",
                table: "products");

            migrationBuilder.DropColumn(
                name: "FamilyId",
                table: "products");

            migrationBuilder.DropColumn(
                name: "OptionValues",
                table: "products");
        }
    }
}
