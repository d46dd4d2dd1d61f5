namespace CommandCenter.Data.Backup;

/// <summary>
/// The SQL run before a dump is restored, in the same transaction: it drops what the site's schema holds (tables
/// with their partitions, views, sequences, functions, enum and domain types of the public schema) but not what belongs to an
/// extension (PostGIS and its tables), which the owner may not recreate. pg_restore's own --clean cannot do this:
/// it trips over the constraints a partition inherits.
/// </summary>
public static class RestorePrelude
{
    public const string Sql = """
        DO $$
        DECLARE
            statement text;
        BEGIN
            -- Every statement is written before any runs: a drop that cascades must not change what the next name reads.
            FOREACH statement IN ARRAY ARRAY(
                SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
                    CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, n.nspname, c.relname)
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT c.relispartition
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                  -- A sequence behind a serial or identity column goes with its table, and cannot be dropped before it.
                  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                                       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
                UNION ALL
                SELECT format('DROP ROUTINE IF EXISTS %I.%I(%s) CASCADE', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
                FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                UNION ALL
                SELECT format('DROP TYPE IF EXISTS %I.%I CASCADE', n.nspname, t.typname)
                FROM pg_type t
                JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'))
            LOOP
                EXECUTE statement;
            END LOOP;
        END;
        $$;
        """;
}
