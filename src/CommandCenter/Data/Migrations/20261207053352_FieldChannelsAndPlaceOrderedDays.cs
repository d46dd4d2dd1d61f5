using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldChannelsAndPlaceOrderedDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "field_channels",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    squad = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    phones = table.Column<string[]>(type: "text[]", nullable: false),
                    squad_leaders = table.Column<bool>(type: "boolean", nullable: false),
                    shown_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    protected_url = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    protected_secret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_field_channels", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_field_channels_name",
                table: "field_channels",
                column: "name",
                unique: true);

            // Who was there reads, in each day partition, the heap pages that hold the fixes inside an area: as written
            // (minute by minute for everyone at once) that is one page a fix. The app's role does not own the positions
            // table, so it cannot CLUSTER a day by place itself. This function, owned by the migrating role, orders the
            // newest day partition (positions_yyyymmdd) not yet ordered, on its part of ix_positions_location, and
            // nothing else: never the default partition, never a day that ended less than two hours ago by the
            // database's own clock (today's is never locked), one day a call, and it gives up after 10 s waiting for
            // the partition's lock rather than queue the day's readers behind it. pg_index.indisclustered marks the
            // days done. EXECUTE is granted to the app's role at start-up.
            migrationBuilder.Sql("""
                CREATE FUNCTION cluster_settled_positions_partition()
                RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                    partition_name text;
                    index_name text;
                BEGIN
                    SELECT c.relname, ic.relname INTO partition_name, index_name
                    FROM pg_inherits h
                    JOIN pg_class c ON c.oid = h.inhrelid
                    JOIN pg_index i ON i.indrelid = c.oid
                    JOIN pg_class ic ON ic.oid = i.indexrelid
                    JOIN pg_inherits hi ON hi.inhrelid = i.indexrelid AND hi.inhparent = 'ix_positions_location'::regclass
                    WHERE h.inhparent = 'positions'::regclass AND c.relname ~ '^positions_[0-9]{8}$' AND NOT i.indisclustered
                      AND substring(pg_get_expr(c.relpartbound, c.oid) from 'TO \(''([^'']+)''\)')::timestamptz <= now() - interval '2 hours'
                    ORDER BY c.relname DESC
                    LIMIT 1;
                    IF partition_name IS NULL THEN
                        RETURN NULL;
                    END IF;
                    PERFORM set_config('lock_timeout', '10s', true);
                    EXECUTE format('CLUSTER %I USING %I', partition_name, index_name);
                    EXECUTE format('ANALYZE %I', partition_name);
                    RETURN partition_name;
                END;
                $$;
                REVOKE ALL ON FUNCTION cluster_settled_positions_partition() FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS cluster_settled_positions_partition();");

            migrationBuilder.DropTable(
                name: "field_channels");
        }
    }
}
