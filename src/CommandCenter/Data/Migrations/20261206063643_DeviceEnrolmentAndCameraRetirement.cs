using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeviceEnrolmentAndCameraRetirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_serial",
                table: "devices");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "enrolled_at",
                table: "devices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "devices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "devices",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "cameras",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "cameras",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_devices_serial",
                table: "devices",
                column: "serial",
                unique: true,
                filter: "active");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_serial",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "enrolled_at",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "cameras");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "cameras");

            migrationBuilder.CreateIndex(
                name: "ix_devices_serial",
                table: "devices",
                column: "serial",
                unique: true);
        }
    }
}
