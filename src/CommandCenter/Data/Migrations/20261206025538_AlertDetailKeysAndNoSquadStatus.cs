using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertDetailKeysAndNoSquadStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status",
                table: "squads");

            migrationBuilder.AddColumn<string>(
                name: "detail_args",
                table: "alerts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "detail_key",
                table: "alerts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note_args",
                table: "alert_events",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note_key",
                table: "alert_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "detail_args",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "detail_key",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "note_args",
                table: "alert_events");

            migrationBuilder.DropColumn(
                name: "note_key",
                table: "alert_events");

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "squads",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");
        }
    }
}
