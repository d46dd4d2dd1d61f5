using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_log",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_log", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "live_log_counter",
                columns: table => new
                {
                    id = table.Column<short>(type: "smallint", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    epoch = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_log_counter", x => x.id);
                    table.CheckConstraint("ck_live_log_counter_one_row", "id = 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_live_log_at",
                table: "live_log",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_log");

            migrationBuilder.DropTable(
                name: "live_log_counter");
        }
    }
}
