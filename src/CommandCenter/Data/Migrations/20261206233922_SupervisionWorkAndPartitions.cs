using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionWorkAndPartitions : Migration
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
                name: "ingest_hand_offs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partition = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    device_id = table.Column<int>(type: "integer", nullable: true),
                    fix_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    accuracy_meters = table.Column<double>(type: "double precision", nullable: true),
                    speed_kmh = table.Column<double>(type: "double precision", nullable: true),
                    heading = table.Column<double>(type: "double precision", nullable: true),
                    battery_percent = table.Column<int>(type: "integer", nullable: true),
                    charging = table.Column<bool>(type: "boolean", nullable: true),
                    @event = table.Column<string>(name: "event", type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingest_hand_offs", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "protected_persons",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: false),
                    device_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protected_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_protected_persons_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "protected_person_links",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    protected_person_id = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    exclusion_meters = table.Column<double>(type: "double precision", nullable: false),
                    warning_meters = table.Column<double>(type: "double precision", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    linked_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protected_person_links", x => x.id);
                    table.CheckConstraint("ck_protected_person_links_radii", "exclusion_meters > 0 AND warning_meters > exclusion_meters");
                    table.ForeignKey(
                        name: "fk_protected_person_links_protected_persons_protected_person_id",
                        column: x => x.protected_person_id,
                        principalTable: "protected_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_protected_person_links_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protected_person_positions",
                columns: table => new
                {
                    protected_person_id = table.Column<int>(type: "integer", nullable: false),
                    fix_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    accuracy_meters = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protected_person_positions", x => x.protected_person_id);
                    table.ForeignKey(
                        name: "fk_protected_person_positions_protected_persons_protected_pers",
                        column: x => x.protected_person_id,
                        principalTable: "protected_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ix_positions_location",
                table: "positions",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

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
                name: "ix_ingest_hand_offs_partition_id",
                table: "ingest_hand_offs",
                columns: new[] { "partition", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_movement_days_day",
                table: "movement_days",
                column: "day");

            migrationBuilder.CreateIndex(
                name: "ix_protected_person_links_protected_person_id_subject_id",
                table: "protected_person_links",
                columns: new[] { "protected_person_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_protected_person_links_subject_id",
                table: "protected_person_links",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_protected_persons_device_serial",
                table: "protected_persons",
                column: "device_serial",
                unique: true,
                filter: "active");

            migrationBuilder.CreateIndex(
                name: "ix_protected_persons_squad_id",
                table: "protected_persons",
                column: "squad_id");

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
                name: "co_defendant_links");

            migrationBuilder.DropTable(
                name: "ingest_hand_offs");

            migrationBuilder.DropTable(
                name: "movement_days");

            migrationBuilder.DropTable(
                name: "protected_person_links");

            migrationBuilder.DropTable(
                name: "protected_person_positions");

            migrationBuilder.DropTable(
                name: "roll_call_attendees");

            migrationBuilder.DropTable(
                name: "protected_persons");

            migrationBuilder.DropTable(
                name: "roll_calls");

            migrationBuilder.DropIndex(
                name: "ix_positions_location",
                table: "positions");
        }
    }
}
