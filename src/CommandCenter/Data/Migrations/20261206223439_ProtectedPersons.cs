using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProtectedPersons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protected_person_links");

            migrationBuilder.DropTable(
                name: "protected_person_positions");

            migrationBuilder.DropTable(
                name: "protected_persons");
        }
    }
}
