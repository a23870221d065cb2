using CxDashboard.Core.Gates;
using CxDashboard.Data.Model;

namespace CxDashboard.Web.Gates;

/// <summary>Review gates, their statuses and decisions in words: one place for the Gates tab and the board pack.</summary>
public static class GateWords
{
    /// <summary>"90-day gate", "6-month gate", "18-month gate".</summary>
    public static string Title(ReviewGateKind gate) => Key(gate) + " gate";

    /// <summary>"90-day", "6-month", "18-month": stable, for keys and short labels.</summary>
    public static string Key(ReviewGateKind gate) => gate switch
    {
        ReviewGateKind.NinetyDays => "90-day",
        ReviewGateKind.SixMonths => "6-month",
        _ => "18-month",
    };

    /// <summary>The status in words.</summary>
    public static string Status(GateStatus status) => status switch
    {
        GateStatus.OnTrack => "On track",
        GateStatus.AtRisk => "At risk",
        GateStatus.OffTrack => "Off track",
        GateStatus.Pending => "Pending",
        _ => "Not applicable",
    };

    /// <summary>What the status means, in a sentence.</summary>
    public static string StatusMeaning(GateStatus status) => status switch
    {
        GateStatus.OnTrack => "Realized value is at least the base scenario's projection.",
        GateStatus.AtRisk => "Realized value is 75–100 % of the base scenario's projection.",
        GateStatus.OffTrack => "Realized value is below 75 % of the base scenario's projection.",
        GateStatus.Pending => "Not due yet: its months are not all in.",
        _ => "It cannot be judged; the attainment says why.",
    };

    /// <summary>The outcome in words.</summary>
    public static string Outcome(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Continue => "Continue",
        GateOutcome.Adjust => "Adjust",
        _ => "Stop",
    };

    /// <summary>What the outcome means, for the form.</summary>
    public static string OutcomeMeaning(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Continue => "keep funding as planned",
        GateOutcome.Adjust => "keep funding with changes to scope, plan or targets",
        _ => "stop the initiative",
    };

    /// <summary>The CSS class that colours a status: the same green, amber and red as the KPI statuses.</summary>
    public static string Css(GateStatus status) => status switch
    {
        GateStatus.OnTrack => "cx-gate-on-track",
        GateStatus.AtRisk => "cx-gate-at-risk",
        GateStatus.OffTrack => "cx-gate-off-track",
        GateStatus.Pending => "cx-gate-pending",
        _ => "cx-gate-not-applicable",
    };
}
