using System.Globalization;
using CxDashboard.Core.Gates;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Gates;

/// <summary>Writes gate readings and decisions for a reader, in the organisation's culture.</summary>
internal sealed class GateWriter(FigureFormat format, YearMonth asOf)
{
    private CultureInfo Culture => format.Culture;

    /// <summary>The month the gates are judged at.</summary>
    public YearMonth AsOf => asOf;

    public GateView Gate(GateReading reading, IEnumerable<GateDecision> decisions)
    {
        var gate = reading.Gate;
        var key = GateWords.Key(gate.Kind);
        var judged = reading.Status is not (GateStatus.Pending or GateStatus.NotApplicable);
        var inputs = reading.Attainment.Inputs;
        return new GateView(
            gate.Kind,
            key,
            GateWords.Title(gate.Kind),
            $"{Span(gate.FirstMonth, gate.LastMonth)} · months 1–{gate.Months.ToString(Culture)}",
            Due(gate),
            reading.Status,
            GateWords.Status(reading.Status),
            reading.Status == GateStatus.Pending
                ? format.Write($"gate-{key}", reading.Attainment, GateWords.StatusMeaning(reading.Status)) with { Value = "—" }
                : format.Write($"gate-{key}", reading.Attainment, GateWords.StatusMeaning(reading.Status), Tone(reading.Status)),
            judged ? format.Format(inputs[0].Value, inputs[0].Unit) : "—",
            judged ? format.Format(inputs[1].Value, inputs[1].Unit) : "—",
            decisions.Where(d => d.Gate == gate.Kind)
                .OrderByDescending(d => d.DecidedUtc).ThenByDescending(d => d.Id)
                .Select(Decision).ToList());
    }

    public GateDecisionView Decision(GateDecision d) =>
        new(d.Id, d.Outcome, GateWords.Outcome(d.Outcome), d.Note, d.DecidedBy, When(d.DecidedUtc));

    /// <summary>"11 Sep 2025, 14:00 UTC": decisions are kept in UTC and say so.</summary>
    public string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", Culture) + " UTC";

    /// <summary>"due after May 2027" for a gate still to come; "fell due after May 2025" for one whose months are in.</summary>
    public string Due(ReviewGate gate) => gate.LastMonth > asOf
        ? $"due after {Month(gate.LastMonth)}"
        : $"fell due after {Month(gate.LastMonth)}";

    /// <summary>"March – May 2025", or "March 2025 – August 2026" across years.</summary>
    public string Span(YearMonth first, YearMonth last) => first.Year == last.Year
        ? $"{new DateOnly(first.Year, first.Month, 1).ToString("MMMM", Culture)} – {Month(last)}"
        : $"{Month(first)} – {Month(last)}";

    public string Month(YearMonth month) => RoxBoardService.MonthLabel(month, Culture);

    public static FigureTone Tone(GateStatus status) => status switch
    {
        GateStatus.OnTrack => FigureTone.Positive,
        GateStatus.OffTrack => FigureTone.Negative,
        _ => FigureTone.Neutral,
    };
}
