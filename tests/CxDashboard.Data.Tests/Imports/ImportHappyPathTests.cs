using System.Text;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CxDashboard.Data.Tests.Imports;

public sealed class ImportHappyPathTests
{
    internal const string Header = "month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\n";

    [Fact]
    public async Task A_CSV_file_is_read_checked_and_stored()
    {
        await using var store = await ImportStore.SqliteAsync();
        var batch = await store.ReadAsync(Header
            + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n"
            + "2026-10,AHT,VOICE,ATLAS,CONSUMER,420.5,,,1000,\n"
            + "2026-10,COMPLAINTS,CHAT,INHOUSE,BUSINESS,12,,,,\"a note, with a comma\"\n"
            + "2026-10,CHURN,,,CONSUMER,0.015,150,10000,,\n");

        Assert.Empty(batch.Problems);
        Assert.True(batch.CanCommit);
        Assert.Equal(4, batch.RowCount);
        var result = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));

        Assert.Equal(ImportStatus.Committed, result.Status);
        Assert.Equal((4, 0), (result.Inserted, result.Updated));
        var id = result.ImportId;
        Assert.Equal(
        [
            $"202610 AHT VOICE ATLAS CONSUMER = 420.5 -/- w1000 note- #{id}",
            $"202610 CHURN - - CONSUMER = 0.015 150/10000 w- note- #{id}",
            $"202610 COMPLAINTS CHAT INHOUSE BUSINESS = 12 -/- w- notea note, with a comma #{id}",
            $"202610 FCR VOICE ATLAS CONSUMER = 0.71 710/1000 w- note- #{id}",
        ], await store.SnapshotAsync());
    }

    [Fact]
    public async Task The_import_is_recorded_with_who_when_what_and_its_audit_entries()
    {
        await using var store = await ImportStore.SqliteAsync();
        using var actor = Access.StoreActor.Use(new Access.StoreActor("maria"));

        var result = await store.LoadAsync(Header + "2026-09,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,FCR,VOICE,ATLAS,CONSUMER,,720,1000,,\n", "september-october.csv");

        var import = await store.ImportAsync(result.ImportId);
        Assert.Equal(("september-october.csv", ImportFormat.Csv, ImportSource.Page, "maria"), (import.FileName, import.Format, import.Source, import.UserName));
        Assert.Equal((ImportStatus.Committed, 2, 2, 0, 202609, 202610), (import.Status, import.RowCount, import.Inserted, import.Updated, import.FirstMonth!.Value, import.LastMonth!.Value));
        Assert.Equal(ImportStore.Now.UtcDateTime, import.StartedUtc);
        Assert.NotNull(import.FinishedUtc);
        Assert.Equal(64, import.ContentHash.Length);
        await using var db = store.Context();
        var entries = await db.AuditEntries.Where(e => e.ImportId == result.ImportId).ToListAsync();
        var added = Assert.Single(entries, e => e.Entity == "Measurement");
        Assert.Equal((AuditAction.Added, "maria"), (added.Action, added.UserName));
        Assert.Contains($"2 rows added by import #{result.ImportId} (september-october.csv)", added.Changes, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Entity == nameof(MeasurementImport) && e.Action == AuditAction.Modified && e.Changes.Contains("Committed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_is_stored_as_written_and_numbers_may_have_spaces_around_them()
    {
        await using var store = await ImportStore.SqliteAsync();

        var result = await store.LoadAsync(Header
            + "2026-10,COMPLAINTS,VOICE,ATLAS,CONSUMER, 12 ,,,,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"
            + " 2026-10 , fcr ,voice, atlas ,Consumer,,\t710 , 1e3 ,,+cmd\n");

        var rows = await store.SnapshotAsync();
        Assert.Contains($"202610 COMPLAINTS VOICE ATLAS CONSUMER = 12 -/- w- note=HYPERLINK(\"http://x\",\"y\") #{result.ImportId}", rows);
        Assert.Contains($"202610 FCR VOICE ATLAS CONSUMER = 0.71 710/1000 w- note+cmd #{result.ImportId}", rows);
    }

    [Fact]
    public async Task A_quoted_note_with_line_breaks_is_stored_whole()
    {
        await using var store = await ImportStore.SqliteAsync();

        await store.LoadAsync(Header + "2026-10,COMPLAINTS,VOICE,ATLAS,CONSUMER,12,,,,\"survey outage\nestimate\"\n");

        await using var db = store.Context();
        Assert.Equal("survey outage\nestimate", await db.Measurements.Select(m => m.Note).SingleAsync());
    }

    [Fact]
    public async Task An_XLSX_workbook_with_number_and_text_cells_is_stored()
    {
        await using var store = await ImportStore.SqliteAsync();
        var workbook = Workbook(
            Row("2026-10", "FCR", "VOICE", "ATLAS", "CONSUMER", null, 710d, 1000d, null, null),
            Row("2026-10", "AHT", "VOICE", "ATLAS", "CONSUMER", "420.5", null, null, "1000", "text numbers"),
            Row(new DateTime(2026, 9, 1), "COMPLAINTS", "CHAT", "INHOUSE", "BUSINESS", 12d, null, null, null, "month as a date cell"));

        var batch = await store.Importer.ReadFileAsync(new MemoryStream(workbook), "kpis.xlsx");
        Assert.Empty(batch.Problems);
        Assert.Equal(ImportFormat.Xlsx, batch.Format);
        var result = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));

        Assert.Equal(3, result.Inserted);
        var rows = await store.SnapshotAsync();
        Assert.Contains($"202610 FCR VOICE ATLAS CONSUMER = 0.71 710/1000 w- note- #{result.ImportId}", rows);
        Assert.Contains($"202610 AHT VOICE ATLAS CONSUMER = 420.5 -/- w1000 notetext numbers #{result.ImportId}", rows);
        Assert.Contains($"202609 COMPLAINTS CHAT INHOUSE BUSINESS = 12 -/- w- notemonth as a date cell #{result.ImportId}", rows);
    }

    [Fact]
    public async Task An_XLSX_problem_names_the_sheet_row()
    {
        await using var store = await ImportStore.SqliteAsync();
        var workbook = Workbook(
            Row("2026-10", "FCR", "VOICE", "ATLAS", "CONSUMER", null, 710d, 1000d, null, null),
            Row(null, null, null, null, null, null, null, null, null, null),
            Row("2026-10", "FCR", "VOICE", "ATLAS", "BUSINESS", null, 1100d, 1000d, null, null));

        var batch = await store.Importer.ReadFileAsync(new MemoryStream(workbook), "kpis.xlsx");

        var problem = Assert.Single(batch.Problems);
        Assert.Equal((4, "numerator"), (problem.Line, problem.Column));
        Assert.Equal(0, await store.MeasurementCountAsync());
    }

    [Fact]
    public async Task An_API_batch_of_JSON_items_is_stored_with_its_origin()
    {
        await using var store = await ImportStore.SqliteAsync();
        var batch = await store.Importer.ReadInputsAsync(
        [
            new MeasurementInput("2026-10", "FCR", "VOICE", "ATLAS", "CONSUMER", null, 710, 1000, null, "from the API"),
            new MeasurementInput("2026-10", "NPS", "VOICE", "ATLAS", "CONSUMER", 20, 180, 900, null, null),
        ], "Genesys nightly 2026-10-31");

        var result = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Api, "Genesys nightly"));

        Assert.Equal(2, result.Inserted);
        var import = await store.ImportAsync(result.ImportId);
        Assert.Equal((ImportFormat.Json, ImportSource.Api, "Genesys nightly", "Genesys nightly 2026-10-31"), (import.Format, import.Source, import.ApiKeyName, import.FileName));
    }

    [Fact]
    public async Task A_reimport_updates_instead_of_duplicating_and_keeps_what_it_replaced()
    {
        await using var store = await ImportStore.SqliteAsync();
        var first = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,FCR,CHAT,ATLAS,CONSUMER,,600,1000,,\n");

        var second = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,750,1000,,revised\n2026-09,FCR,VOICE,ATLAS,CONSUMER,,700,1000,,\n");

        Assert.Equal((1, 1), (second.Inserted, second.Updated));
        Assert.Equal(
        [
            $"202609 FCR VOICE ATLAS CONSUMER = 0.7 700/1000 w- note- #{second.ImportId}",
            $"202610 FCR CHAT ATLAS CONSUMER = 0.6 600/1000 w- note- #{first.ImportId}",
            $"202610 FCR VOICE ATLAS CONSUMER = 0.75 750/1000 w- noterevised #{second.ImportId}",
        ], await store.SnapshotAsync());
        await using var db = store.Context();
        var kept = Assert.Single(await db.ImportReplacedValues.Where(r => r.ImportId == second.ImportId).ToListAsync());
        Assert.Equal((0.71, 710d, 1000d, first.ImportId), (kept.Value, kept.Numerator!.Value, kept.Denominator!.Value, kept.PreviousImportId!.Value));
    }

    [Fact]
    public async Task Committing_the_same_batch_twice_adds_no_rows_the_second_time()
    {
        await using var store = await ImportStore.SqliteAsync();
        var batch = await store.ReadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,CHURN,,,CONSUMER,,150,10000,,\n");
        await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));
        var before = await store.SnapshotAsync();

        var again = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));

        Assert.Equal((ImportStatus.Committed, 0, 2), (again.Status, again.Inserted, again.Updated));
        Assert.Equal(before.Select(r => r[..r.LastIndexOf('#')]), (await store.SnapshotAsync()).Select(r => r[..r.LastIndexOf('#')]));
        Assert.Equal(2, await store.MeasurementCountAsync());
    }

    [Fact]
    public async Task The_preview_rolls_each_KPI_and_month_up_and_says_which_rows_are_new()
    {
        await using var store = await ImportStore.SqliteAsync();
        await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,700,1000,,\n");

        var batch = await store.ReadAsync(Header
            + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,750,1000,,\n"
            + "2026-10,FCR,CHAT,ATLAS,CONSUMER,,150,500,,\n"
            + "2026-10,AHT,VOICE,ATLAS,CONSUMER,400,,,100,\n"
            + "2026-10,AHT,CHAT,ATLAS,CONSUMER,600,,,300,\n"
            + "2026-09,COMPLAINTS,VOICE,ATLAS,CONSUMER,4,,,,\n"
            + "2026-09,COMPLAINTS,CHAT,ATLAS,CONSUMER,6,,,,\n");

        Assert.Equal(
        [
            // FCR pools numerators and denominators: (750 + 150) ÷ (1000 + 500) = 0.6, never the mean of 0.75 and 0.3.
            new ImportKpiMonthTotal("FCR", "First contact resolution", "2026-10", 2, 0.6, 1, 1),
            // AHT is weighted by contacts: (400 × 100 + 600 × 300) ÷ 400 = 550.
            new ImportKpiMonthTotal("AHT", "Average handle time", "2026-10", 2, 550, 2, 0),
            new ImportKpiMonthTotal("COMPLAINTS", "Complaints", "2026-09", 2, 10, 2, 0),
        ], batch.Totals);
        Assert.Equal(6, batch.FirstRows.Count);
        Assert.Equal((3, "CHAT", 0.3), (batch.FirstRows[1].Line, batch.FirstRows[1].Channel, batch.FirstRows[1].Value));
    }

    [Fact]
    public async Task Reading_reports_progress_and_the_content_hash_tells_the_same_file_twice()
    {
        await using var store = await ImportStore.SqliteAsync();
        var file = new StringBuilder(Header);
        for (var month = 1; month <= 10; month++)
            foreach (var channel in new[] { "VOICE", "CHAT", "EMAIL", "SELF" })
                foreach (var partner in new[] { "INHOUSE", "ATLAS", "MERIDIAN" })
                    foreach (var segment in new[] { "CONSUMER", "BUSINESS" })
                        for (var kpi = 0; kpi < 20; kpi++)
                            file.Append(FormattableString.Invariant($"2026-{month:D2},{(kpi % 2 == 0 ? "AHT" : "CES")},{channel},{partner},{segment},{400 + kpi},,,{kpi + 1},\n"));
        var progress = new ProgressLog();

        var first = await store.ReadAsync(file.ToString().Replace("AHT,", "PEAK_RESPONSE,", StringComparison.Ordinal), progress: progress);
        var second = await store.ReadAsync(file.ToString().Replace("AHT,", "PEAK_RESPONSE,", StringComparison.Ordinal));

        // 20 KPI rows per key, so all but 2 of each 20 repeat a key: the reading goes on and reports them all.
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Contains(progress.Reports, p => p.Stage == ImportStages.Reading && p.Done > 0 && p.Done <= p.Total);
        Assert.Contains(progress.Reports, p => p.Stage == ImportStages.Checking);
    }

    [Fact]
    public async Task A_request_body_that_allows_only_asynchronous_reads_is_read()
    {
        await using var store = await ImportStore.SqliteAsync();
        var body = new AsynchronousOnlyStream(Encoding.UTF8.GetBytes(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n"));

        var batch = await store.Importer.ReadCsvAsync(body, "POST /api/measurements");

        Assert.Empty(batch.Problems);
        Assert.Equal(1, batch.RowCount);
    }

    internal static Dictionary<string, object?> Row(object? month, object? kpi, object? channel, object? partner, object? segment, object? value, object? numerator, object? denominator, object? weight, object? note) => new()
    {
        ["month"] = month,
        ["kpi"] = kpi,
        ["channel"] = channel,
        ["partner"] = partner,
        ["segment"] = segment,
        ["value"] = value,
        ["numerator"] = numerator,
        ["denominator"] = denominator,
        ["weight"] = weight,
        ["note"] = note,
    };

    internal static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList());
        return stream.ToArray();
    }

    /// <summary>A body as Kestrel hands it over: forward only, and synchronous reads refused.</summary>
    private sealed class AsynchronousOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
