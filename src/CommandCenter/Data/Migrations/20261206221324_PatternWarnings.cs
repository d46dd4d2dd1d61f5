using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatternWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "co_defendant_links",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    other_subject_id = table.Column<int>(type: "integer", nullable: false),
                    linked_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_co_defendant_links", x => x.id);
                    table.CheckConstraint("ck_co_defendant_links_ordered", "subject_id < other_subject_id");
                    table.ForeignKey(
                        name: "fk_co_defendant_links_subjects_other_subject_id",
                        column: x => x.other_subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_co_defendant_links_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "movement_days",
                columns: table => new
                {
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    night_metres = table.Column<double>(type: "double precision", nullable: false),
                    day_metres = table.Column<double>(type: "double precision", nullable: false),
                    fixes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_movement_days", x => new { x.subject_id, x.day });
                    table.ForeignKey(
                        name: "fk_movement_days_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_co_defendant_links_other_subject_id",
                table: "co_defendant_links",
                column: "other_subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_co_defendant_links_subject_id_other_subject_id",
                table: "co_defendant_links",
                columns: new[] { "subject_id", "other_subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_movement_days_day",
                table: "movement_days",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "co_defendant_links");

            migrationBuilder.DropTable(
                name: "movement_days");
        }
    }
}
