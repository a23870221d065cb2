using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Data.Migrations.PostgreSql
{
    /// <summary>
    /// Measurements' references to their KPI, channel, partner and segment, checked once per statement instead of once
    /// per row. A foreign key runs a locking lookup for every inserted row and every key: at a million imported rows
    /// that was three quarters of a binary COPY's time. These triggers do what the four foreign keys did (an unknown
    /// key is refused with SQLSTATE 23503 naming the same constraint, the referenced rows are locked against deletion
    /// until the writing transaction ends, and a referenced row cannot be deleted), but over the statement's distinct
    /// keys: a few hundred lookups for a million rows. The three single-column indexes served only the foreign keys'
    /// delete checks; deleting a channel, partner or segment is rare and now scans the table once.
    /// The model keeps the relationships (SQLite still enforces them as foreign keys), so the PostgreSQL snapshot
    /// still lists them: a later migration must not try to drop these constraints or indexes again.
    /// </summary>
    [DbContext(typeof(PostgresCxDbContext))]
    [Migration("20261202140000_MeasurementReferencesPerStatement")]
    public partial class MeasurementReferencesPerStatement : Migration
    {
        private static readonly (string Table, string Column, string Constraint)[] References =
        [
            ("KpiDefinitions", "KpiId", "FK_Measurements_KpiDefinitions_KpiId"),
            ("Channels", "ChannelId", "FK_Measurements_Channels_ChannelId"),
            ("Partners", "PartnerId", "FK_Measurements_Partners_PartnerId"),
            ("Segments", "SegmentId", "FK_Measurements_Segments_SegmentId"),
        ];

        private static readonly string[] SingleColumnIndexes = ["ChannelId", "PartnerId", "SegmentId"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (_, _, constraint) in References)
                migrationBuilder.DropForeignKey(name: constraint, table: "Measurements");
            foreach (var column in SingleColumnIndexes)
                migrationBuilder.DropIndex(name: $"IX_Measurements_{column}", table: "Measurements");

            migrationBuilder.Sql("""
                CREATE FUNCTION measurements_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    kpis integer[]; channels integer[]; partners integer[]; segments integer[]; missing integer[];
                BEGIN
                    SELECT array_agg(DISTINCT d."KpiId"),
                           array_agg(DISTINCT d."ChannelId") FILTER (WHERE d."ChannelId" IS NOT NULL),
                           array_agg(DISTINCT d."PartnerId") FILTER (WHERE d."PartnerId" IS NOT NULL),
                           array_agg(DISTINCT d."SegmentId") FILTER (WHERE d."SegmentId" IS NOT NULL)
                    INTO kpis, channels, partners, segments
                    FROM (SELECT DISTINCT "KpiId", "ChannelId", "PartnerId", "SegmentId" FROM new_rows) AS d;

                    -- As a foreign key does: lock the referenced rows against deletion, then look for what is missing.
                    PERFORM 1 FROM "KpiDefinitions" WHERE "Id" = ANY (kpis) FOR KEY SHARE;
                    SELECT array_agg(k ORDER BY k) INTO missing FROM unnest(kpis) AS k
                    WHERE NOT EXISTS (SELECT 1 FROM "KpiDefinitions" WHERE "Id" = k);
                    IF missing IS NOT NULL THEN
                        RAISE foreign_key_violation USING TABLE = 'Measurements', CONSTRAINT = 'FK_Measurements_KpiDefinitions_KpiId',
                            MESSAGE = 'insert or update on table "Measurements" violates foreign key constraint "FK_Measurements_KpiDefinitions_KpiId"',
                            DETAIL = format('Key ("KpiId")=(%s) is not present in table "KpiDefinitions".', array_to_string(missing, ', '));
                    END IF;

                    PERFORM 1 FROM "Channels" WHERE "Id" = ANY (channels) FOR KEY SHARE;
                    SELECT array_agg(c ORDER BY c) INTO missing FROM unnest(channels) AS c
                    WHERE NOT EXISTS (SELECT 1 FROM "Channels" WHERE "Id" = c);
                    IF missing IS NOT NULL THEN
                        RAISE foreign_key_violation USING TABLE = 'Measurements', CONSTRAINT = 'FK_Measurements_Channels_ChannelId',
                            MESSAGE = 'insert or update on table "Measurements" violates foreign key constraint "FK_Measurements_Channels_ChannelId"',
                            DETAIL = format('Key ("ChannelId")=(%s) is not present in table "Channels".', array_to_string(missing, ', '));
                    END IF;

                    PERFORM 1 FROM "Partners" WHERE "Id" = ANY (partners) FOR KEY SHARE;
                    SELECT array_agg(p ORDER BY p) INTO missing FROM unnest(partners) AS p
                    WHERE NOT EXISTS (SELECT 1 FROM "Partners" WHERE "Id" = p);
                    IF missing IS NOT NULL THEN
                        RAISE foreign_key_violation USING TABLE = 'Measurements', CONSTRAINT = 'FK_Measurements_Partners_PartnerId',
                            MESSAGE = 'insert or update on table "Measurements" violates foreign key constraint "FK_Measurements_Partners_PartnerId"',
                            DETAIL = format('Key ("PartnerId")=(%s) is not present in table "Partners".', array_to_string(missing, ', '));
                    END IF;

                    PERFORM 1 FROM "Segments" WHERE "Id" = ANY (segments) FOR KEY SHARE;
                    SELECT array_agg(s ORDER BY s) INTO missing FROM unnest(segments) AS s
                    WHERE NOT EXISTS (SELECT 1 FROM "Segments" WHERE "Id" = s);
                    IF missing IS NOT NULL THEN
                        RAISE foreign_key_violation USING TABLE = 'Measurements', CONSTRAINT = 'FK_Measurements_Segments_SegmentId',
                            MESSAGE = 'insert or update on table "Measurements" violates foreign key constraint "FK_Measurements_Segments_SegmentId"',
                            DETAIL = format('Key ("SegmentId")=(%s) is not present in table "Segments".', array_to_string(missing, ', '));
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            // A transition table needs one trigger per event.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Measurements_ReferencesOnInsert" AFTER INSERT ON "Measurements"
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurements_references_exist();
                CREATE TRIGGER "TR_Measurements_ReferencesOnUpdate" AFTER UPDATE ON "Measurements"
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION measurements_references_exist();
                """);

            // The other side of each reference: a KPI, channel, partner or segment that measurements still use stays.
            migrationBuilder.Sql("""
                CREATE FUNCTION measurements_references_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    used integer;
                BEGIN
                    EXECUTE format('SELECT o."Id" FROM old_rows AS o WHERE EXISTS (SELECT 1 FROM "Measurements" AS m WHERE m.%I = o."Id") ORDER BY o."Id" LIMIT 1', TG_ARGV[0])
                    INTO used;
                    IF used IS NOT NULL THEN
                        RAISE foreign_key_violation USING TABLE = TG_TABLE_NAME, CONSTRAINT = TG_ARGV[1],
                            MESSAGE = format('update or delete on table "%s" violates foreign key constraint "%s" on table "Measurements"', TG_TABLE_NAME, TG_ARGV[1]),
                            DETAIL = format('Key ("Id")=(%s) is still referenced from table "Measurements".', used);
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            foreach (var (table, column, constraint) in References)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_{table}_KeptByMeasurements" AFTER DELETE ON "{table}"
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION measurements_references_kept('{column}', '{constraint}');
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _) in References)
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TR_{table}_KeptByMeasurements" ON "{table}";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS measurements_references_kept();""");
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TR_Measurements_ReferencesOnInsert" ON "Measurements";
                DROP TRIGGER IF EXISTS "TR_Measurements_ReferencesOnUpdate" ON "Measurements";
                DROP FUNCTION IF EXISTS measurements_references_exist();
                """);

            foreach (var column in SingleColumnIndexes)
                migrationBuilder.CreateIndex(name: $"IX_Measurements_{column}", table: "Measurements", column: column);
            foreach (var (table, column, constraint) in References)
                migrationBuilder.AddForeignKey(
                    name: constraint, table: "Measurements", column: column,
                    principalTable: table, principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }
    }
}
