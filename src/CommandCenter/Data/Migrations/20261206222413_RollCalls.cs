using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class RollCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "roll_calls",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    camera_id = table.Column<int>(type: "integer", nullable: false),
                    called_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roll_calls", x => x.id);
                    table.CheckConstraint("ck_roll_calls_deadline", "deadline > called_at");
                    table.ForeignKey(
                        name: "fk_roll_calls_cameras_camera_id",
                        column: x => x.camera_id,
                        principalTable: "cameras",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "roll_call_attendees",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    roll_call_id = table.Column<long>(type: "bigint", nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    mark = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    marked_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roll_call_attendees", x => x.id);
                    table.CheckConstraint("ck_roll_call_attendees_marked", "(mark IS NULL) = (marked_at IS NULL)");
                    table.ForeignKey(
                        name: "fk_roll_call_attendees_roll_calls_roll_call_id",
                        column: x => x.roll_call_id,
                        principalTable: "roll_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_roll_call_attendees_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_roll_call_attendees_roll_call_id_subject_id",
                table: "roll_call_attendees",
                columns: new[] { "roll_call_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_roll_call_attendees_subject_id_marked_at",
                table: "roll_call_attendees",
                columns: new[] { "subject_id", "marked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_roll_calls_called_at",
                table: "roll_calls",
                column: "called_at");

            migrationBuilder.CreateIndex(
                name: "ix_roll_calls_camera_id",
                table: "roll_calls",
                column: "camera_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roll_call_attendees");

            migrationBuilder.DropTable(
                name: "roll_calls");
        }
    }
}
