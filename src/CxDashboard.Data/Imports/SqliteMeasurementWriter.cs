using Microsoft.Data.Sqlite;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Writes an import's rows into the SQLite store inside the caller's transaction: one prepared command, reused for
/// every row, fills a temporary table; then two set-based statements keep the values about to be replaced and
/// insert or update every row by natural key. Set-based, SQLite does the million rows' work inside one statement:
/// measured faster than two prepared statements per row, and than a plain prepared INSERT (see the benchmarks'
/// README). The upsert targets the natural-key expression index UX_Measurements_NaturalKey_Nulls, where a blank
/// dimension is 0, so blanks collide as they should.
/// </summary>
internal static class SqliteMeasurementWriter
{
    private const int ProgressEvery = 10_000;

    // The key columns have no declared type on purpose: compared with a typed column, SQLite would apply the column's
    // affinity to the IFNULL(...) side and could then use only the (Month, KpiId) prefix of the expression index, a
    // thousand rows per lookup instead of one.
    private const string CreateStaging = """
        DROP TABLE IF EXISTS temp."import_rows";
        CREATE TEMP TABLE "import_rows" (
            "Month", "KpiId", "ChannelId", "PartnerId", "SegmentId",
            "Value" REAL NOT NULL, "Numerator" REAL, "Denominator" REAL, "Weight" REAL, "Note" TEXT);
        """;

    private const string Stage = """
        INSERT INTO temp."import_rows" VALUES ($month, $kpi, $channel, $partner, $segment, $value, $numerator, $denominator, $weight, $note)
        """;

    // CROSS JOIN keeps the staged rows as the outer loop: one index lookup each, whatever the statistics say.
    private const string KeepReplaced = """
        INSERT INTO "ImportReplacedValues" ("ImportId", "MeasurementId", "Value", "Numerator", "Denominator", "Weight", "Note", "PreviousImportId")
        SELECT $import, m."Id", m."Value", m."Numerator", m."Denominator", m."Weight", m."Note", m."ImportId"
        FROM temp."import_rows" AS s CROSS JOIN "Measurements" AS m
            ON m."Month" = s."Month" AND m."KpiId" = s."KpiId"
            AND IFNULL(m."ChannelId", 0) = s."ChannelId" AND IFNULL(m."PartnerId", 0) = s."PartnerId" AND IFNULL(m."SegmentId", 0) = s."SegmentId"
        """;

    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join of the SELECT.
    private const string Upsert = """
        INSERT INTO "Measurements" ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note", "ImportId", "Version")
        SELECT "KpiId", "Month", NULLIF("ChannelId", 0), NULLIF("PartnerId", 0), NULLIF("SegmentId", 0), "Value", "Numerator", "Denominator", "Weight", "Note", $import, 0
        FROM temp."import_rows" WHERE true
        ON CONFLICT ("Month", "KpiId", IFNULL("ChannelId", 0), IFNULL("PartnerId", 0), IFNULL("SegmentId", 0)) DO UPDATE SET
            "Value" = excluded."Value", "Numerator" = excluded."Numerator", "Denominator" = excluded."Denominator",
            "Weight" = excluded."Weight", "Note" = excluded."Note", "ImportId" = excluded."ImportId", "Version" = "Version" + 1;
        DROP TABLE temp."import_rows";
        """;

    /// <summary>Writes every row; returns how many replaced a stored value.</summary>
    public static int Write(SqliteConnection connection, SqliteTransaction transaction, long importId, StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        Execute(connection, transaction, importId, CreateStaging);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Stage;
            var month = command.Parameters.Add("$month", SqliteType.Integer);
            var kpi = command.Parameters.Add("$kpi", SqliteType.Integer);
            var channel = command.Parameters.Add("$channel", SqliteType.Integer);
            var partner = command.Parameters.Add("$partner", SqliteType.Integer);
            var segment = command.Parameters.Add("$segment", SqliteType.Integer);
            var value = command.Parameters.Add("$value", SqliteType.Real);
            var numerator = command.Parameters.Add("$numerator", SqliteType.Real);
            var denominator = command.Parameters.Add("$denominator", SqliteType.Real);
            var weight = command.Parameters.Add("$weight", SqliteType.Real);
            var note = command.Parameters.Add("$note", SqliteType.Text);
            command.Prepare();

            var span = rows.AsSpan();
            for (var i = 0; i < span.Length; i++)
            {
                ref readonly var row = ref span[i];
                month.Value = row.Month;
                kpi.Value = row.KpiId;
                channel.Value = row.ChannelId;
                partner.Value = row.PartnerId;
                segment.Value = row.SegmentId;
                value.Value = row.Value;
                numerator.Value = Nullable(row.Numerator);
                denominator.Value = Nullable(row.Denominator);
                weight.Value = Nullable(row.Weight);
                note.Value = (object?)row.Note ?? DBNull.Value;
                command.ExecuteNonQuery();

                // The last rows' report waits for the set-based statements below: "all saved" means saved.
                if ((i + 1) % ProgressEvery == 0 && i + 1 < span.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(ImportStages.Saving, i + 1, span.Length));
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var replaced = Execute(connection, transaction, importId, KeepReplaced);
        Execute(connection, transaction, importId, Upsert);
        progress?.Report(new ImportProgress(ImportStages.Saving, rows.Count, rows.Count));
        return replaced;
    }

    /// <summary>Puts back the values an import replaced and removes the rows it added; returns both counts.</summary>
    public static (int Restored, int Removed) Undo(SqliteConnection connection, SqliteTransaction transaction, long importId)
    {
        var restored = Execute(connection, transaction, importId, """
            UPDATE "Measurements" SET
                "Value" = r."Value", "Numerator" = r."Numerator", "Denominator" = r."Denominator", "Weight" = r."Weight",
                "Note" = r."Note", "ImportId" = r."PreviousImportId", "Version" = "Version" + 1
            FROM "ImportReplacedValues" AS r
            WHERE r."ImportId" = $import AND "Measurements"."Id" = r."MeasurementId"
            """);
        var removed = Execute(connection, transaction, importId, """DELETE FROM "Measurements" WHERE "ImportId" = $import""");
        return (restored, removed);
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, long importId, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$import", importId);
        return command.ExecuteNonQuery();
    }

    private static object Nullable(double number) => double.IsNaN(number) ? DBNull.Value : number;
}
