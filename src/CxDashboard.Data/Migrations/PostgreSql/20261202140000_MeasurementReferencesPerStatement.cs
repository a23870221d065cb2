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

            migrationBuilder.Sql($"""
                CREATE FUNCTION measurements_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                {string.Concat(References.Select(r => $"    \"{r.Column}s\" integer[];\n"))}    missing integer[];
                BEGIN
                    -- The statement's distinct keys of each reference, from one pass over its rows.
                    SELECT {string.Join(", ", References.Select(r => $"array_agg(DISTINCT d.\"{r.Column}\") FILTER (WHERE d.\"{r.Column}\" IS NOT NULL)"))}
                    INTO {string.Join(", ", References.Select(r => $"\"{r.Column}s\""))}
                    FROM (SELECT DISTINCT {string.Join(", ", References.Select(r => $"\"{r.Column}\""))} FROM new_rows) AS d;
                {string.Concat(References.Select(r => ReferenceCheck(r.Table, r.Column, r.Constraint)))}
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

        /// <summary>
        /// One reference's check over the statement's distinct keys (in the array variable named after its column), as a
        /// foreign key makes it for every row: lock the referenced rows against deletion, then refuse the statement if
        /// any key is missing.
        /// </summary>
        private static string ReferenceCheck(string table, string column, string constraint) => $"""

                PERFORM 1 FROM "{table}" WHERE "Id" = ANY ("{column}s") FOR KEY SHARE;
                SELECT array_agg(k ORDER BY k) INTO missing FROM unnest("{column}s") AS k
                WHERE NOT EXISTS (SELECT 1 FROM "{table}" WHERE "Id" = k);
                IF missing IS NOT NULL THEN
                    RAISE foreign_key_violation USING TABLE = 'Measurements', CONSTRAINT = '{constraint}',
                        MESSAGE = 'insert or update on table "Measurements" violates foreign key constraint "{constraint}"',
                        DETAIL = format('Key ("{column}")=(%s) is not present in table "{table}".', array_to_string(missing, ', '));
                END IF;
            """;

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
