using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppRoleSeparation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The app's role does not own the positions table, so it cannot attach partitions itself: this
            // function, owned by the migrating (owning) role, attaches one day and nothing else. Its name and
            // bounds are checked, its search path pinned, and only the app's role is granted EXECUTE (at start-up).
            migrationBuilder.Sql("""
                CREATE FUNCTION create_positions_partition(partition_name text, day_from timestamptz, day_to timestamptz)
                RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                BEGIN
                    IF partition_name !~ '^positions_[0-9]{8}$' THEN
                        RAISE EXCEPTION 'not a positions partition name: %', partition_name USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    IF day_to <= day_from OR day_to - day_from > interval '25 hours' THEN
                        RAISE EXCEPTION 'not one day: % to %', day_from, day_to USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF positions FOR VALUES FROM (%L) TO (%L)', partition_name, day_from, day_to);
                END;
                $$;
                REVOKE ALL ON FUNCTION create_positions_partition(text, timestamptz, timestamptz) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS create_positions_partition(text, timestamptz, timestamptz);");
        }
    }
}
