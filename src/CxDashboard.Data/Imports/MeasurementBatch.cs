using CxDashboard.Data.Model;

namespace CxDashboard.Data.Imports;

/// <summary>
/// A file or API batch that has been read and checked, ready to show (problems, first rows, totals per KPI and
/// month) and, when it has no problem, to commit with <see cref="MeasurementImporter.CommitAsync"/>. It holds the
/// checked rows themselves, so nothing is read twice.
/// </summary>
public sealed class MeasurementBatch
{
    /// <summary>The most problems a batch keeps; <see cref="ProblemCount"/> counts them all.</summary>
    public const int ProblemLimit = 1_000;

    /// <summary>How many rows <see cref="FirstRows"/> shows.</summary>
    public const int PreviewRows = 20;

    internal MeasurementBatch(
        string name,
        ImportFormat format,
        string contentHash,
        IReadOnlyList<ImportProblem> problems,
        int problemCount,
        StagedRows rows,
        IReadOnlyList<ImportPreviewRow> firstRows,
        IReadOnlyList<ImportKpiMonthTotal> totals,
        int? partnerScope)
    {
        Name = name;
        Format = format;
        ContentHash = contentHash;
        Problems = problems;
        ProblemCount = problemCount;
        Rows = rows;
        FirstRows = firstRows;
        Totals = totals;
        PartnerScope = partnerScope;
    }

    /// <summary>The file's name, or the API batch's description.</summary>
    public string Name { get; }

    /// <summary>What the batch was read from.</summary>
    public ImportFormat Format { get; }

    /// <summary>SHA-256 of the content, hex (lower case).</summary>
    public string ContentHash { get; }

    /// <summary>Data rows read (the header not counted), good or bad.</summary>
    public int RowCount => Rows.Count + BadRowCount;

    /// <summary>The first <see cref="ProblemLimit"/> problems, in the order of the file.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Every problem found, including those beyond <see cref="ProblemLimit"/>.</summary>
    public int ProblemCount { get; }

    /// <summary>True when the batch has no problem and at least one row: only then may it be committed.</summary>
    public bool CanCommit => ProblemCount == 0 && Rows.Count > 0;

    /// <summary>The first <see cref="PreviewRows"/> good rows, as they will be stored.</summary>
    public IReadOnlyList<ImportPreviewRow> FirstRows { get; }

    /// <summary>Per KPI and month: rows, the rolled-up value, and how many add or replace stored values.</summary>
    public IReadOnlyList<ImportKpiMonthTotal> Totals { get; }

    /// <summary>The earliest month among the good rows (year × 100 + month); null when there is none.</summary>
    public int? FirstMonth => Rows.Count == 0 ? null : Rows.FirstMonth;

    /// <summary>The latest month among the good rows (year × 100 + month); null when there is none.</summary>
    public int? LastMonth => Rows.Count == 0 ? null : Rows.LastMonth;

    /// <summary>The rows that passed every check, for the commit.</summary>
    internal StagedRows Rows { get; }

    /// <summary>Rows with at least one problem.</summary>
    internal int BadRowCount { get; init; }

    /// <summary>The partner the reading actor was limited to, which every row was checked against.</summary>
    internal int? PartnerScope { get; }
}
