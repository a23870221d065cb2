using CxDashboard.Data.Model;

namespace CxDashboard.Data.Imports;

/// <summary>
/// One measurement as sent by an integration (JSON) or read from a file row; everything optional so that
/// validation can say what is missing.
/// </summary>
/// <param name="Month">The month as YYYY-MM.</param>
/// <param name="Kpi">The KPI's code (CPC, FCR).</param>
/// <param name="Channel">The channel's code; blank when the KPI is not measured along channels.</param>
/// <param name="Partner">The partner's code; blank when the KPI is not measured along partners.</param>
/// <param name="Segment">The segment's code; blank when the KPI is not measured along segments.</param>
/// <param name="Value">The value; may be blank for ratio KPIs, which compute it from numerator and denominator.</param>
/// <param name="Numerator">What a ratio KPI counts (resolved contacts, service cost).</param>
/// <param name="Denominator">What a ratio KPI divides by (contacts).</param>
/// <param name="Weight">The weight of a weighted mean (contacts behind a handle time).</param>
/// <param name="Note">What the sender says about the value, kept as written.</param>
public sealed record MeasurementInput(
    string? Month,
    string? Kpi,
    string? Channel,
    string? Partner,
    string? Segment,
    double? Value,
    double? Numerator,
    double? Denominator,
    double? Weight,
    string? Note);

/// <summary>One thing wrong with the input, said so that a person can find it and fix it.</summary>
/// <param name="Line">
/// The file's physical line (header = 1; a quoted field spanning lines counts its lines) or, for JSON, the item's
/// 1-based position; null for problems with the whole file.
/// </param>
/// <param name="Column">The header name of the column at fault; null when no one column is.</param>
/// <param name="Value">What was found, cut to about 60 characters; null when nothing was.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ImportProblem(int? Line, string? Column, string? Value, string Reason, string Fix);

/// <summary>How far a read, commit or undo has come.</summary>
/// <param name="Stage">"Reading", "Checking", "Saving" or "Undoing" (see <see cref="ImportStages"/>).</param>
/// <param name="Done">
/// Rows done so far; while reading a CSV file, bytes of the file read so far; while reading a workbook, sheet rows.
/// </param>
/// <param name="Total">Rows (or, reading a CSV file, bytes) in all; 0 when not known (a workbook, a stream of unknown length).</param>
public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>The names of the stages <see cref="ImportProgress"/> reports.</summary>
public static class ImportStages
{
    /// <summary>Reading the file and checking each row as it comes.</summary>
    public const string Reading = "Reading";
    /// <summary>Comparing the rows with the store (which are new, which replace a value).</summary>
    public const string Checking = "Checking";
    /// <summary>Writing the rows.</summary>
    public const string Saving = "Saving";
    /// <summary>Putting back what an import replaced.</summary>
    public const string Undoing = "Undoing";
}

/// <summary>One row of the file as it will be stored (codes in their stored spelling, the value computed where it may be).</summary>
public sealed record ImportPreviewRow(
    int Line,
    string Month,
    string Kpi,
    string? Channel,
    string? Partner,
    string? Segment,
    double Value,
    double? Numerator,
    double? Denominator,
    double? Weight,
    string? Note);

/// <summary>
/// Rows and the rolled-up value (FORMULAS.md §5 via Core KpiRollup) per KPI and month in the file;
/// <paramref name="NewRows"/> and <paramref name="ReplacedRows"/> say how many will add and how many will replace
/// stored values.
/// </summary>
/// <param name="Kpi">The KPI's code.</param>
/// <param name="KpiName">The KPI's name.</param>
/// <param name="Month">YYYY-MM.</param>
/// <param name="Rows">Rows of this KPI and month in the file.</param>
/// <param name="Value">The KPI over those rows by its aggregation rule; null when there is nothing to divide by.</param>
/// <param name="NewRows">Rows whose natural key the store does not hold yet.</param>
/// <param name="ReplacedRows">Rows that will replace a stored value.</param>
public sealed record ImportKpiMonthTotal(string Kpi, string KpiName, string Month, int Rows, double? Value, int NewRows, int ReplacedRows);

/// <summary>Where a batch came in. Who loads it (user name, partner scope) comes from <c>StoreActor.Current</c>; no actor is the system.</summary>
/// <param name="Source">The data page or the API.</param>
/// <param name="ApiKeyName">The API key's name, for the API.</param>
public sealed record ImportOrigin(ImportSource Source, string? ApiKeyName = null);

/// <summary>What became of a commit or an undo.</summary>
/// <param name="ImportId">The import's number in the history.</param>
/// <param name="Status">Committed, Failed or Undone.</param>
/// <param name="Rows">Rows in the batch.</param>
/// <param name="Inserted">Rows added as new measurements (for an undo: rows removed).</param>
/// <param name="Updated">Rows that replaced a stored value (for an undo: values put back).</param>
/// <param name="Message">What happened, in a sentence for the person who asked.</param>
public sealed record ImportResult(long ImportId, ImportStatus Status, int Rows, int Inserted, int Updated, string Message);

/// <summary>Measurements changed by a commit or an undo: which import, and the months it touched.</summary>
/// <param name="ImportId">The import committed or undone.</param>
/// <param name="Status">Committed or Undone.</param>
/// <param name="FirstMonth">The earliest month touched (year × 100 + month).</param>
/// <param name="LastMonth">The latest month touched (year × 100 + month).</param>
public sealed record MeasurementsChanged(long ImportId, ImportStatus Status, int FirstMonth, int LastMonth);

/// <summary>
/// An import or undo that was refused for a reason other than a row problem (another import is running, the undo is
/// not possible any more, the batch has problems). Its message says what was wrong and what to do; nothing was stored.
/// </summary>
public sealed class ImportRefusedException : Exception
{
    public ImportRefusedException()
    {
    }

    public ImportRefusedException(string message) : base(message)
    {
    }

    public ImportRefusedException(string message, Exception inner) : base(message, inner)
    {
    }
}
