using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpiRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    amount_yuan = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_records", x => x.id);
                    table.CheckConstraint("ck_activity_records_participants", "participants > 0");
                    table.ForeignKey(
                        name: "fk_activity_records_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_organisations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: true),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    contact = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_organisations", x => x.id);
                    table.CheckConstraint("ck_partner_organisations_dates", "until IS NULL OR until >= since");
                    table.ForeignKey(
                        name: "fk_partner_organisations_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_meetings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: true),
                    topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    attendance = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_meetings", x => x.id);
                    table.CheckConstraint("ck_party_meetings_attendance", "attendance > 0");
                    table.ForeignKey(
                        name: "fk_party_meetings_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_members",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_members", x => x.id);
                    table.CheckConstraint("ck_party_members_dates", "left_on IS NULL OR left_on >= joined_on");
                    table.ForeignKey(
                        name: "fk_party_members_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervision_loss_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_loss_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervision_loss_events_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_records_kind_date",
                table: "activity_records",
                columns: new[] { "kind", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_activity_records_squad_id",
                table: "activity_records",
                column: "squad_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_organisations_squad_id",
                table: "partner_organisations",
                column: "squad_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_meetings_kind_date",
                table: "party_meetings",
                columns: new[] { "kind", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_party_meetings_squad_id",
                table: "party_meetings",
                column: "squad_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_members_squad_id",
                table: "party_members",
                column: "squad_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_loss_events_date",
                table: "supervision_loss_events",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_loss_events_subject_id",
                table: "supervision_loss_events",
                column: "subject_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_records");

            migrationBuilder.DropTable(
                name: "partner_organisations");

            migrationBuilder.DropTable(
                name: "party_meetings");

            migrationBuilder.DropTable(
                name: "party_members");

            migrationBuilder.DropTable(
                name: "supervision_loss_events");
        }
    }
}
