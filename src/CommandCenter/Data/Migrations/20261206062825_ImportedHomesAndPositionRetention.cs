using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportedHomesAndPositionRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Point>(
                name: "home",
                table: "subjects",
                type: "geometry(Point,4326)",
                nullable: true,
                oldClrType: typeof(Point),
                oldType: "geometry(Point,4326)");

            // Retention: the app's role does not own the positions table, so it cannot drop partitions itself. This
            // function, owned by the migrating role, drops day partitions (positions_yyyymmdd) older than the day
            // given and nothing else: never the default partition, never another table, never a day within a year
            // of the database's today, whatever the app's clock says. EXECUTE is granted to the app's role at start-up.
            migrationBuilder.Sql("""
                CREATE FUNCTION drop_positions_partitions_before(first_kept date)
                RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                    partition_name text;
                BEGIN
                    IF first_kept > current_date - 365 THEN
                        RAISE EXCEPTION 'positions younger than a year are kept: % is too late', first_kept USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    FOR partition_name IN
                        SELECT c.relname FROM pg_inherits i
                        JOIN pg_class c ON c.oid = i.inhrelid
                        JOIN pg_class p ON p.oid = i.inhparent
                        WHERE p.relname = 'positions' AND c.relname ~ '^positions_[0-9]{8}$'
                          AND to_date(substring(c.relname from 11), 'YYYYMMDD') < first_kept
                        ORDER BY c.relname
                    LOOP
                        EXECUTE format('DROP TABLE %I', partition_name);
                        RETURN NEXT partition_name;
                    END LOOP;
                END;
                $$;
                REVOKE ALL ON FUNCTION drop_positions_partitions_before(date) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS drop_positions_partitions_before(date);");

            migrationBuilder.AlterColumn<Point>(
                name: "home",
                table: "subjects",
                type: "geometry(Point,4326)",
                nullable: false,
                oldClrType: typeof(Point),
                oldType: "geometry(Point,4326)",
                oldNullable: true);
        }
    }
}
