using System.Runtime.InteropServices;
using CxDashboard.Core.Kpis;
using CxDashboard.Data.Model;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Collects the rows of one file or batch as its reader hands them over: checks each, keeps the good ones in file
/// order, refuses a second row with the same natural key (naming both lines), and finally adds up the totals per
/// KPI and month for the preview.
/// </summary>
internal sealed class BatchBuilder(ImportCodes codes, RowChecker checker, int? partnerScope)
{
    private readonly ProblemList _problems = new();
    private readonly StagedRows _rows = new();
    private readonly Dictionary<NaturalKey, int> _lineOfKey = [];
    private readonly List<ImportPreviewRow> _firstRows = [];
    private int _badRows;

    /// <summary>Data rows handed over so far, good or bad.</summary>
    public int RowsRead => _rows.Count + _badRows;

    public ProblemList Problems => _problems;

    /// <summary>Checks a row and keeps it when it has no problem.</summary>
    public void Add(int line, scoped in RawRow row)
    {
        if (!checker.Check(line, row, _problems, out var staged))
        {
            _badRows++;
            return;
        }

        ref var firstLine = ref CollectionsMarshal.GetValueRefOrAddDefault(_lineOfKey, staged.Key, out var seen);
        if (seen)
        {
            _problems.Add(line, null, Describe(staged),
                $"Line {line} has the same month, KPI, channel, partner and segment as line {firstLine}.",
                $"Keep one of lines {firstLine} and {line}: a measurement is one row per month, KPI, channel, partner and segment.");
            _badRows++;
            return;
        }

        firstLine = line;
        _rows.Add(staged);
        if (_firstRows.Count < MeasurementBatch.PreviewRows) _firstRows.Add(Preview(staged));
    }

    /// <summary>A row that could not be read as a row at all (a wrong number of fields).</summary>
    public void AddUnreadable(int line, string? value, string reason, string fix)
    {
        _problems.Add(line, null, value, reason, fix);
        _badRows++;
    }

    /// <summary>A problem with the whole file or its header.</summary>
    public void AddFileProblem(int? line, string? column, string? value, string reason, string fix) =>
        _problems.Add(line, column, value, reason, fix);

    /// <summary>
    /// The batch: problems, first rows and, per KPI and month, the rolled-up value and how many rows add or replace a
    /// stored value (<paramref name="stored"/> gives the natural keys the store already holds among the rows').
    /// </summary>
    public async Task<MeasurementBatch> BuildAsync(
        string name, ImportFormat format, string contentHash,
        Func<StagedRows, CancellationToken, Task<IReadOnlySet<NaturalKey>>> stored,
        CancellationToken cancellationToken)
    {
        var existing = _rows.Count == 0 ? new HashSet<NaturalKey>() : await stored(_rows, cancellationToken);
        return new MeasurementBatch(name, format, contentHash, _problems.Kept, _problems.Count, _rows, _firstRows, Totals(existing), partnerScope)
        {
            BadRowCount = _badRows,
        };
    }

    private List<ImportKpiMonthTotal> Totals(IReadOnlySet<NaturalKey> existing)
    {
        var totals = new Dictionary<(int KpiId, int Month), Total>();
        foreach (ref readonly var row in _rows.AsSpan())
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, (row.KpiId, row.Month), out _);
            total.Sums = total.Sums.Add(KpiRollup.Of(row.Value, Blank(row.Numerator), Blank(row.Denominator), Blank(row.Weight)));
            if (existing.Contains(row.Key)) total.Replaced++;
        }

        var order = codes.Kpis.All.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return totals
            .OrderBy(t => order.GetValueOrDefault(t.Key.KpiId)).ThenBy(t => t.Key.Month)
            .Select(t =>
            {
                var kpi = codes.Kpis.Find(t.Key.KpiId)!;
                var rows = t.Value.Sums.Count;
                return new ImportKpiMonthTotal(kpi.Code, kpi.Name, RowChecker.Format(t.Key.Month), rows,
                    KpiRollup.Combine(kpi.Aggregation, t.Value.Sums).Value, rows - t.Value.Replaced, t.Value.Replaced);
            })
            .ToList();
    }

    private ImportPreviewRow Preview(in StagedRow row) => new(
        row.Line,
        RowChecker.Format(row.Month),
        codes.Kpis.Find(row.KpiId)!.Code,
        row.ChannelId == 0 ? null : codes.Channels.Find(row.ChannelId)?.Code,
        row.PartnerId == 0 ? null : codes.Partners.Find(row.PartnerId)?.Code,
        row.SegmentId == 0 ? null : codes.Segments.Find(row.SegmentId)?.Code,
        row.Value,
        Blank(row.Numerator),
        Blank(row.Denominator),
        Blank(row.Weight),
        row.Note);

    /// <summary>The row's natural key in words: "2026-03 CPC VOICE ATLAS CONSUMER".</summary>
    private string Describe(in StagedRow row) => string.Join(' ', new[]
    {
        RowChecker.Format(row.Month),
        codes.Kpis.Find(row.KpiId)?.Code,
        row.ChannelId == 0 ? null : codes.Channels.Find(row.ChannelId)?.Code,
        row.PartnerId == 0 ? null : codes.Partners.Find(row.PartnerId)?.Code,
        row.SegmentId == 0 ? null : codes.Segments.Find(row.SegmentId)?.Code,
    }.Where(s => s is not null));

    private static double? Blank(double number) => double.IsNaN(number) ? null : number;

    private struct Total
    {
        public MeasurementSums Sums;
        public int Replaced;
    }
}
