using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ECommerce.AI.Persistence.Migrations
{
    /// <summary>Training history for the models page: status (promoted, rejected, failed), error, training time, data size,
    /// the serving model's metric on the same holdout, and the input profile drift is measured against.</summary>
    /// <inheritdoc />
    public partial class TrainingHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DataSize",
                table: "model_versions",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "model_versions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InputProfile",
                table: "model_versions",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<double>(
                name: "ServingMetric",
                table: "model_versions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ServingVersion",
                table: "model_versions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "model_versions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "TrainingSeconds",
                table: "model_versions",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            // Versions trained before this migration: the status their promotion flag implies.
            migrationBuilder.Sql("""UPDATE model_versions SET "Status" = CASE WHEN "Promoted" THEN 'promoted' ELSE 'rejected' END;""");

            // The defaults only filled existing rows; the model has none (the schema then equals EnsureCreated's, which a test checks).
            migrationBuilder.Sql("""
                ALTER TABLE model_versions ALTER COLUMN "DataSize" DROP DEFAULT, ALTER COLUMN "InputProfile" DROP DEFAULT,
                    ALTER COLUMN "Status" DROP DEFAULT, ALTER COLUMN "TrainingSeconds" DROP DEFAULT;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DataSize",
                table: "model_versions");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "model_versions");

            migrationBuilder.DropColumn(
                name: "InputProfile",
                table: "model_versions");

            migrationBuilder.DropColumn(
                name: "ServingMetric",
                table: "model_versions");

            migrationBuilder.DropColumn(
                name: "ServingVersion",
                table: "model_versions");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "model_versions");

            migrationBuilder.DropColumn(
                name: "TrainingSeconds",
                table: "model_versions");
        }
    }
}
