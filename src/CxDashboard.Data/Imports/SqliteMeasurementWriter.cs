using Microsoft.Data.Sqlite;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Writes an import's rows into the SQLite store inside the caller's transaction: for each row, one prepared
/// command (reused for every row) first keeps the value it replaces, if any, then inserts the row or updates the
/// stored one with the same natural key. The upsert targets the natural-key expression index
/// UX_Measurements_NaturalKey_Nulls, where a blank dimension is 0, so blanks collide as they should.
/// </summary>
internal static class SqliteMeasurementWriter
{
    private const int ProgressEvery = 10_000;

    private const string Key = """
        "Month" = $month AND "KpiId" = $kpi AND IFNULL("ChannelId", 0) = $channel AND IFNULL("PartnerId", 0) = $partner AND IFNULL("SegmentId", 0) = $segment
        """;

    // Two statements, one command: SQLite prepares both once, and the command's count of changed rows is the sum of
    // both, so a row that replaced a value counts 2 and a new row 1.
    private const string WriteRow = $"""
        INSERT INTO "ImportReplacedValues" ("ImportId", "MeasurementId", "Value", "Numerator", "Denominator", "Weight", "Note", "PreviousImportId")
        SELECT $import, "Id", "Value", "Numerator", "Denominator", "Weight", "Note", "ImportId" FROM "Measurements"
        WHERE {Key};
        INSERT INTO "Measurements" ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note", "ImportId", "Version")
        VALUES ($kpi, $month, NULLIF($channel, 0), NULLIF($partner, 0), NULLIF($segment, 0), $value, $numerator, $denominator, $weight, $note, $import, 0)
        ON CONFLICT ("Month", "KpiId", IFNULL("ChannelId", 0), IFNULL("PartnerId", 0), IFNULL("SegmentId", 0)) DO UPDATE SET
            "Value" = excluded."Value", "Numerator" = excluded."Numerator", "Denominator" = excluded."Denominator",
            "Weight" = excluded."Weight", "Note" = excluded."Note", "ImportId" = excluded."ImportId", "Version" = "Version" + 1;
        """;

    /// <summary>Writes every row; returns how many replaced a stored value.</summary>
    public static int Write(SqliteConnection connection, SqliteTransaction transaction, long importId, StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = WriteRow;
        command.Parameters.AddWithValue("$import", importId);
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

        var replaced = 0;
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
            if (command.ExecuteNonQuery() == 2) replaced++;

            if ((i + 1) % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportStages.Saving, i + 1, span.Length));
            }
        }

        progress?.Report(new ImportProgress(ImportStages.Saving, span.Length, span.Length));
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
