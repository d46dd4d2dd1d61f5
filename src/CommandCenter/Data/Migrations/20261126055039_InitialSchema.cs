using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "admin_areas",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_areas", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cameras",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    stream_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    snapshot_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    online = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cameras", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "geofences",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    area = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    buffer_meters = table.Column<double>(type: "double precision", nullable: false),
                    scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scope_subject_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    scope_risk_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    scope_squad_id = table.Column<int>(type: "integer", nullable: true),
                    immediate = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    schedule = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geofences", x => x.id);
                    table.CheckConstraint("ck_geofences_buffer", "buffer_meters >= 0");
                });

            // Positions are partitioned by day (one partition per duty day, created ahead by PositionPartitions),
            // which EF Core cannot express; the default partition takes any fix no day partition covers.
            migrationBuilder.Sql("""
                CREATE TABLE positions (
                    device_id integer NOT NULL,
                    fix_time timestamp with time zone NOT NULL,
                    subject_id integer NOT NULL,
                    received_at timestamp with time zone NOT NULL,
                    location geometry(Point,4326) NOT NULL,
                    accuracy_meters double precision NULL,
                    speed_kmh double precision NULL,
                    heading double precision NULL,
                    battery_percent integer NULL,
                    CONSTRAINT pk_positions PRIMARY KEY (device_id, fix_time)
                ) PARTITION BY RANGE (fix_time);
                CREATE TABLE positions_default PARTITION OF positions DEFAULT;
                """);

            migrationBuilder.CreateTable(
                name: "squads",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    leader_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    duty_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    @base = table.Column<Point>(name: "base", type: "geometry(Point,4326)", nullable: false),
                    jurisdiction = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_squads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    correction_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    supervision_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    risk_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    intake_date = table.Column<DateOnly>(type: "date", nullable: false),
                    release_date = table.Column<DateOnly>(type: "date", nullable: true),
                    home_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    home = table.Column<Point>(type: "geometry(Point,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_subjects_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    fence_id = table.Column<int>(type: "integer", nullable: true),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    squad_id = table.Column<int>(type: "integer", nullable: false),
                    dispatched_squad_id = table.Column<int>(type: "integer", nullable: true),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fix_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    condition_cleared = table.Column<bool>(type: "boolean", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disposition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_alerts_squads_squad_id",
                        column: x => x.squad_id,
                        principalTable: "squads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_alerts_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    key_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_devices", x => x.id);
                    table.ForeignKey(
                        name: "fk_devices_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "latest_positions",
                columns: table => new
                {
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    device_id = table.Column<int>(type: "integer", nullable: false),
                    fix_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    accuracy_meters = table.Column<double>(type: "double precision", nullable: true),
                    battery_percent = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_latest_positions", x => x.subject_id);
                    table.ForeignKey(
                        name: "fk_latest_positions_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "positioning_orders",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ended_early_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positioning_orders", x => x.id);
                    table.CheckConstraint("ck_positioning_orders_dates", "end_date >= start_date");
                    table.ForeignKey(
                        name: "fk_positioning_orders_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alert_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    alert_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    squad_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_alert_events_alerts_alert_id",
                        column: x => x.alert_id,
                        principalTable: "alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_events_alert_id_at",
                table: "alert_events",
                columns: new[] { "alert_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_raised_at",
                table: "alerts",
                column: "raised_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_squad_id",
                table: "alerts",
                column: "squad_id");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_state",
                table: "alerts",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ux_alerts_one_open_per_subject_rule_fence",
                table: "alerts",
                columns: new[] { "subject_id", "rule", "fence_id" },
                unique: true,
                filter: "state NOT IN ('Resolved', 'Dismissed')")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_code",
                table: "cameras",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cameras_location",
                table: "cameras",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_devices_serial",
                table: "devices",
                column: "serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_devices_subject_id",
                table: "devices",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_geofences_area",
                table: "geofences",
                column: "area")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_latest_positions_location",
                table: "latest_positions",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_positioning_orders_subject_id_end_date",
                table: "positioning_orders",
                columns: new[] { "subject_id", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_positions_subject_id_fix_time",
                table: "positions",
                columns: new[] { "subject_id", "fix_time" });

            migrationBuilder.CreateIndex(
                name: "ix_squads_code",
                table: "squads",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_squads_jurisdiction",
                table: "squads",
                column: "jurisdiction")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_subjects_code",
                table: "subjects",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subjects_squad_id_status",
                table: "subjects",
                columns: new[] { "squad_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_areas");

            migrationBuilder.DropTable(
                name: "alert_events");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "cameras");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "geofences");

            migrationBuilder.DropTable(
                name: "latest_positions");

            migrationBuilder.DropTable(
                name: "positioning_orders");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "subjects");

            migrationBuilder.DropTable(
                name: "squads");
        }
    }
}
