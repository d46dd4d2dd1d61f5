using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <summary>
    /// Leave permits become requests that someone else decides: who asked (an account, or the subject's device) and when,
    /// urgency and its reason, approval or refusal with its reason. Every permit recorded before this was entered already
    /// approved, so each existing row stays approved, and its recorded approver is taken as both its requester and its
    /// approver (requested at the moment it was approved): the old form knew no other person.
    /// </summary>
    public partial class LeaveRequestsAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "approved_by",
                table: "leave_permits",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "approved_at",
                table: "leave_permits",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<string>(
                name: "decision_reason",
                table: "leave_permits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refused_at",
                table: "leave_permits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refused_by",
                table: "leave_permits",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "requested_at",
                table: "leave_permits",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "requested_by",
                table: "leave_permits",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "requested_by_device_id",
                table: "leave_permits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "urgent",
                table: "leave_permits",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "urgent_reason",
                table: "leave_permits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.Sql("UPDATE leave_permits SET requested_by = approved_by, requested_at = approved_at;");

            migrationBuilder.AddCheckConstraint(
                name: "ck_leave_permits_one_decision",
                table: "leave_permits",
                sql: "approved_at IS NULL OR refused_at IS NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_leave_permits_requester",
                table: "leave_permits",
                sql: "requested_by IS NOT NULL OR requested_by_device_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_leave_permits_one_decision",
                table: "leave_permits");

            migrationBuilder.DropCheckConstraint(
                name: "ck_leave_permits_requester",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "decision_reason",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "refused_at",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "refused_by",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "requested_at",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "requested_by",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "requested_by_device_id",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "urgent",
                table: "leave_permits");

            migrationBuilder.DropColumn(
                name: "urgent_reason",
                table: "leave_permits");

            migrationBuilder.AlterColumn<string>(
                name: "approved_by",
                table: "leave_permits",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "approved_at",
                table: "leave_permits",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
