using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectsAndOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every order stored so far was approved: whoever approved it is now its decider.
            migrationBuilder.RenameColumn(
                name: "approved_by",
                table: "positioning_orders",
                newName: "decided_by");

            migrationBuilder.AlterColumn<string>(
                name: "decided_by",
                table: "positioning_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "positioning_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requested_by",
                table: "positioning_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "decision_note",
                table: "positioning_orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ended_early_by",
                table: "positioning_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ended_early_reason",
                table: "positioning_orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extends_order_id",
                table: "positioning_orders",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "request_note",
                table: "positioning_orders",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "requested_at",
                table: "positioning_orders",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "positioning_orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Orders from before the approval workflow were approved ones; who asked for them was not recorded.
            migrationBuilder.Sql("""
                UPDATE positioning_orders
                SET status = 'Approved',
                    requested_by = '（未记录）',
                    requested_at = start_date::timestamp AT TIME ZONE 'UTC',
                    decided_at = start_date::timestamp AT TIME ZONE 'UTC'
                """);

            migrationBuilder.CreateIndex(
                name: "ix_positioning_orders_awaiting_decision",
                table: "positioning_orders",
                column: "status",
                filter: "status = 'Requested'");

            migrationBuilder.CreateIndex(
                name: "ix_positioning_orders_extends_order_id",
                table: "positioning_orders",
                column: "extends_order_id");

            migrationBuilder.AddForeignKey(
                name: "fk_positioning_orders_positioning_orders_extends_order_id",
                table: "positioning_orders",
                column: "extends_order_id",
                principalTable: "positioning_orders",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_positioning_orders_positioning_orders_extends_order_id",
                table: "positioning_orders");

            // Only approved orders fit the old shape, which knew nothing else.
            migrationBuilder.Sql("DELETE FROM positioning_orders WHERE status <> 'Approved'");

            migrationBuilder.DropIndex(
                name: "ix_positioning_orders_awaiting_decision",
                table: "positioning_orders");

            migrationBuilder.DropIndex(
                name: "ix_positioning_orders_extends_order_id",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "requested_by",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "decision_note",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "ended_early_by",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "ended_early_reason",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "extends_order_id",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "request_note",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "requested_at",
                table: "positioning_orders");

            migrationBuilder.DropColumn(
                name: "status",
                table: "positioning_orders");

            migrationBuilder.AlterColumn<string>(
                name: "decided_by",
                table: "positioning_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.RenameColumn(
                name: "decided_by",
                table: "positioning_orders",
                newName: "approved_by");
        }
    }
}
