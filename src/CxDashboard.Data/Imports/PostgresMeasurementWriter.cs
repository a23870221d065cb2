using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Writes an import's rows into the PostgreSQL store inside the caller's transaction: binary COPY into a temporary
/// table, then set-based: keep the values about to be replaced, and one INSERT … ON CONFLICT over the natural key
/// (a unique index with NULLS NOT DISTINCT, so blank dimensions collide as they should).
/// </summary>
internal static class PostgresMeasurementWriter
{
    private const int ProgressEvery = 10_000;

    /// <summary>The advisory lock every app instance takes for an import or undo: "CxImport" in ASCII.</summary>
    internal const long AdvisoryLock = 0x4378_496D_706F_7274;

    /// <summary>
    /// Takes the store-wide import lock for the rest of the transaction, waiting up to <paramref name="wait"/>.
    /// False when another instance still holds it after that.
    /// </summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, TimeSpan wait, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"SET LOCAL lock_timeout = {(long)Math.Max(1, wait.TotalMilliseconds)}", cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({AdvisoryLock})", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }

        await ExecuteAsync(connection, "SET LOCAL lock_timeout = DEFAULT", cancellationToken);
        return true;
    }

    /// <summary>Writes every row; returns how many replaced a stored value.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, long importId, StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            CREATE TEMPORARY TABLE import_rows (
                "Month" integer NOT NULL, "KpiId" integer NOT NULL, "ChannelId" integer NULL, "PartnerId" integer NULL, "SegmentId" integer NULL,
                "Value" double precision NOT NULL, "Numerator" double precision NULL, "Denominator" double precision NULL,
                "Weight" double precision NULL, "Note" text NULL
            ) ON COMMIT DROP
            """, cancellationToken);

        // The COPY writes synchronously into its buffer; off the caller's thread it blocks no one.
        await Task.Run(() => Copy(connection, rows, progress, cancellationToken), cancellationToken);
        await ExecuteAsync(connection, "ANALYZE import_rows", cancellationToken);

        var replaced = await ExecuteAsync(connection, $"""
            INSERT INTO "ImportReplacedValues" ("ImportId", "MeasurementId", "Value", "Numerator", "Denominator", "Weight", "Note", "PreviousImportId")
            SELECT {importId}, m."Id", m."Value", m."Numerator", m."Denominator", m."Weight", m."Note", m."ImportId"
            FROM import_rows AS s
            JOIN "Measurements" AS m ON m."Month" = s."Month" AND m."KpiId" = s."KpiId"
                AND m."ChannelId" IS NOT DISTINCT FROM s."ChannelId"
                AND m."PartnerId" IS NOT DISTINCT FROM s."PartnerId"
                AND m."SegmentId" IS NOT DISTINCT FROM s."SegmentId"
            """, cancellationToken);
        await ExecuteAsync(connection, $"""
            INSERT INTO "Measurements" ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note", "ImportId")
            SELECT "KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note", {importId}
            FROM import_rows
            ON CONFLICT ("Month", "KpiId", "ChannelId", "PartnerId", "SegmentId") DO UPDATE SET
                "Value" = excluded."Value", "Numerator" = excluded."Numerator", "Denominator" = excluded."Denominator",
                "Weight" = excluded."Weight", "Note" = excluded."Note", "ImportId" = excluded."ImportId"
            """, cancellationToken);
        progress?.Report(new ImportProgress(ImportStages.Saving, rows.Count, rows.Count));
        return replaced;
    }

    /// <summary>Puts back the values an import replaced and removes the rows it added; returns both counts.</summary>
    public static async Task<(int Restored, int Removed)> UndoAsync(NpgsqlConnection connection, long importId, CancellationToken cancellationToken)
    {
        var restored = await ExecuteAsync(connection, $"""
            UPDATE "Measurements" AS m SET
                "Value" = r."Value", "Numerator" = r."Numerator", "Denominator" = r."Denominator", "Weight" = r."Weight",
                "Note" = r."Note", "ImportId" = r."PreviousImportId"
            FROM "ImportReplacedValues" AS r
            WHERE r."ImportId" = {importId} AND m."Id" = r."MeasurementId"
            """, cancellationToken);
        var removed = await ExecuteAsync(connection, $"""DELETE FROM "Measurements" WHERE "ImportId" = {importId}""", cancellationToken);
        return (restored, removed);
    }

    private static void Copy(NpgsqlConnection connection, StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var copy = connection.BeginBinaryImport(
            """COPY import_rows ("Month", "KpiId", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note") FROM STDIN (FORMAT BINARY)""");
        var span = rows.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var row = ref span[i];
            copy.StartRow();
            copy.Write(row.Month, NpgsqlDbType.Integer);
            copy.Write(row.KpiId, NpgsqlDbType.Integer);
            WriteId(copy, row.ChannelId);
            WriteId(copy, row.PartnerId);
            WriteId(copy, row.SegmentId);
            copy.Write(row.Value, NpgsqlDbType.Double);
            WriteNumber(copy, row.Numerator);
            WriteNumber(copy, row.Denominator);
            WriteNumber(copy, row.Weight);
            if (row.Note is null) copy.WriteNull();
            else copy.Write(row.Note, NpgsqlDbType.Text);

            // The last rows' report waits for the set-based statements: "all saved" means saved.
            if ((i + 1) % ProgressEvery == 0 && i + 1 < span.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportStages.Saving, i + 1, span.Length));
            }
        }

        copy.Complete();
    }

    private static void WriteId(NpgsqlBinaryImporter copy, int id)
    {
        if (id == 0) copy.WriteNull();
        else copy.Write(id, NpgsqlDbType.Integer);
    }

    private static void WriteNumber(NpgsqlBinaryImporter copy, double number)
    {
        if (double.IsNaN(number)) copy.WriteNull();
        else copy.Write(number, NpgsqlDbType.Double);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
