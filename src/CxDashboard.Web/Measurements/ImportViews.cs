using CxDashboard.Data.Imports;

namespace CxDashboard.Web.Measurements;

/// <summary>Where an upload on the data page stands.</summary>
public enum UploadStage
{
    /// <summary>No file chosen, or the last one was saved or discarded.</summary>
    Empty,
    /// <summary>A file was read and holds problems: nothing can be saved.</summary>
    HasProblems,
    /// <summary>A file was read without problems and waits to be saved.</summary>
    ReadyToSave,
}

/// <summary>A file read on the data page, written for the reader: its problems, or what saving it would do.</summary>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Stage">Problems, or ready to save.</param>
/// <param name="Summary">One sentence on the file ("12,000 rows for October and November 2026: 11,400 new, 600 replace stored values").</param>
/// <param name="ProblemCount">How many problems were found in all.</param>
/// <param name="Problems">The problems, up to the engine's cap.</param>
/// <param name="FirstRows">The first rows as they were read.</param>
/// <param name="Totals">Rows and rolled-up value per KPI and month.</param>
public sealed record UploadView(
    string FileName,
    UploadStage Stage,
    string Summary,
    int ProblemCount,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<PreviewRowView> FirstRows,
    IReadOnlyList<KpiMonthTotalView> Totals);

/// <summary>One row of the file as it was read, written for the preview table.</summary>
public sealed record PreviewRowView(
    int Line, string Month, string Kpi, string Channel, string Partner, string Segment,
    string Value, string Numerator, string Denominator, string Weight, string Note);

/// <summary>What the file holds for one KPI and month: rows, the value they roll up to, and how many are new.</summary>
public sealed record KpiMonthTotalView(string Kpi, string KpiName, string Month, string Rows, string Value, string New, string Replaced);

/// <summary>One import of the history table, written.</summary>
/// <param name="Id">The import's number.</param>
/// <param name="When">When it started, in the reader's words.</param>
/// <param name="FileName">The file, or the API batch.</param>
/// <param name="Source">"Upload" or "API · key name".</param>
/// <param name="By">Who imported it.</param>
/// <param name="Months">The months it covers ("2026-09 – 2026-10").</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="Added">Rows added.</param>
/// <param name="Updated">Rows whose stored values it replaced.</param>
/// <param name="Status">Its status in words.</param>
/// <param name="Tone">How the status reads: good, bad or neither.</param>
/// <param name="Detail">Why it failed, or who undid it and when; null otherwise.</param>
/// <param name="CanUndo">True when undoing it is possible now.</param>
public sealed record ImportRowView(
    long Id, string When, string FileName, string Source, string By, string Months,
    string Rows, string Added, string Updated, string Status, ImportTone Tone, string? Detail, bool CanUndo);

/// <summary>How an import's status reads.</summary>
public enum ImportTone
{
    Neutral,
    Good,
    Bad,
}
