using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Writes an import's rows into the SQLite store inside the caller's transaction, by one of two roads. A batch whose
/// months hold nothing yet in the store (a first load, a new period) replaces nothing: one prepared statement
/// (SQLite's own, bound by position) inserts every row straight into the table. Otherwise the same kind of statement
/// fills a temporary table; then two set-based statements keep the values about to be replaced and insert or update
/// every row by natural key, SQLite doing the million rows' work inside one statement. The upsert targets the
/// natural-key expression index UX_Measurements_NaturalKey_Nulls, where a blank dimension is 0, so blanks collide as
/// they should. The benchmarks' README has the measurements behind both roads.
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
        INSERT INTO temp."import_rows" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
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

    // A first load of the batch's months: straight into the table, one row at a time by the same kind of statement.
    private const string Insert = """
        INSERT INTO "Measurements" ("Month", "KpiId", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note", "ImportId", "Version")
        VALUES (?1, ?2, NULLIF(?3, 0), NULLIF(?4, 0), NULLIF(?5, 0), ?6, ?7, ?8, ?9, ?10, ?11, 0)
        """;

    /// <summary>
    /// Writes every row; returns how many replaced a stored value. When the store holds nothing in the batch's
    /// months, no row can replace one: the rows go straight into the table, with no staging table to fill and read
    /// back (measured about a fifth faster for a million rows). Otherwise they are staged and written set-based.
    /// </summary>
    public static int Write(SqliteConnection connection, SqliteTransaction transaction, long importId, StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        int replaced;
        if (!HoldsAnyMonthOf(connection, transaction, rows))
        {
            StepEveryRow(connection, Insert, importId, rows, progress, cancellationToken);
            replaced = 0;
        }
        else
        {
            Execute(connection, transaction, importId, CreateStaging);
            StepEveryRow(connection, Stage, importId: null, rows, progress, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            replaced = Execute(connection, transaction, importId, KeepReplaced);
            Execute(connection, transaction, importId, Upsert);
        }

        progress?.Report(new ImportProgress(ImportStages.Saving, rows.Count, rows.Count));
        return replaced;
    }

    /// <summary>
    /// Whether the store holds any measurement in the batch's months. When it holds none (a first load, or a new
    /// period), no row can replace a stored value, and the lookup of every staged row's key is skipped. The import's
    /// transaction holds the store's write lock from its start, so no other writer can add such a row meanwhile.
    /// </summary>
    private static bool HoldsAnyMonthOf(SqliteConnection connection, SqliteTransaction transaction, StagedRows rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT EXISTS (SELECT 1 FROM "Measurements" WHERE "Month" BETWEEN $first AND $last)""";
        command.Parameters.AddWithValue("$first", rows.FirstMonth);
        command.Parameters.AddWithValue("$last", rows.LastMonth);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// Runs one statement for every row (the staging table's insert, or the table's own) through SQLite's own
    /// statement interface, bound by position: a SqliteCommand looks every parameter up by name on every execution,
    /// which cost more than SQLite's own work for a row (about 2 µs of the import's 7 a row). The statement runs on
    /// the connection's open transaction, like the commands around it. The import's id is bound as the eleventh
    /// parameter when the statement has one.
    /// </summary>
    private static void StepEveryRow(SqliteConnection connection, string sql, long? importId, StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            var span = rows.AsSpan();
            for (var i = 0; i < span.Length; i++)
            {
                ref readonly var row = ref span[i];
                raw.sqlite3_bind_int(statement, 1, row.Month);
                raw.sqlite3_bind_int(statement, 2, row.KpiId);
                raw.sqlite3_bind_int(statement, 3, row.ChannelId);
                raw.sqlite3_bind_int(statement, 4, row.PartnerId);
                raw.sqlite3_bind_int(statement, 5, row.SegmentId);
                raw.sqlite3_bind_double(statement, 6, row.Value);
                BindNumber(statement, 7, row.Numerator);
                BindNumber(statement, 8, row.Denominator);
                BindNumber(statement, 9, row.Weight);
                if (row.Note is null) raw.sqlite3_bind_null(statement, 10);
                else raw.sqlite3_bind_text(statement, 10, row.Note);
                if (importId is { } id) raw.sqlite3_bind_int64(statement, 11, id);
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE) Check(db, done);
                raw.sqlite3_reset(statement);

                // The last rows' report waits for the set-based statements: "all saved" means saved.
                if ((i + 1) % ProgressEvery == 0 && i + 1 < span.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(ImportStages.Saving, i + 1, span.Length));
                }
            }
        }
    }

    private static void BindNumber(sqlite3_stmt statement, int index, double number)
    {
        if (double.IsNaN(number)) raw.sqlite3_bind_null(statement, index);
        else raw.sqlite3_bind_double(statement, index, number);
    }

    /// <summary>Raises SQLite's own error for a failed call, as a SqliteException like every other store error.</summary>
    private static void Check(sqlite3 db, int result)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
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

}
