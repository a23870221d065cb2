using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Gates;
using CxDashboard.Data.Model;

namespace CxDashboard.Web.Initiatives;

/// <summary>The words the initiative pages use for kinds, states and categories, the same on the list and the business case.</summary>
public static class InitiativeWords
{
    /// <summary>"AI agent", "Outsourcing a channel"…</summary>
    public static string Type(InitiativeType type) => type switch
    {
        InitiativeType.AiAgent => "AI agent",
        InitiativeType.AgentAssist => "Agent assist",
        InitiativeType.ChannelOutsourcing => "Outsourcing a channel",
        _ => "Other CX initiative",
    };

    /// <summary>"Proposed", "Active", "Paused", "Closed".</summary>
    public static string Status(InitiativeStatus status) => status.ToString();

    /// <summary>"90-day", "6-month", "18-month".</summary>
    public static string Gate(ReviewGateKind gate) => gate switch
    {
        ReviewGateKind.NinetyDays => "90-day",
        ReviewGateKind.SixMonths => "6-month",
        _ => "18-month",
    };

    /// <summary>A gate's standing in words: the colour is never the only sign.</summary>
    public static string Standing(GateStatus status) => status switch
    {
        GateStatus.Pending => "Pending",
        GateStatus.OnTrack => "On track",
        GateStatus.AtRisk => "At risk",
        GateStatus.OffTrack => "Off track",
        _ => "Cannot be judged",
    };

    /// <summary>"Continue", "Adjust", "Stop".</summary>
    public static string Outcome(GateOutcome outcome) => outcome.ToString();

    /// <summary>The cost categories of seed 004, as a reader names them.</summary>
    public static string Category(CostCategory category) => category switch
    {
        CostCategory.SoftwareLicensing => "Software / licensing",
        CostCategory.Integration => "Integration / customisation",
        CostCategory.Maintenance => "Maintenance",
        CostCategory.Training => "Training / onboarding",
        CostCategory.Infrastructure => "Infrastructure",
        CostCategory.OutsourcingFees => "Outsourcing fees",
        _ => "Other",
    };

    /// <summary>"OPEX" or "CAPEX".</summary>
    public static string Nature(CostNature nature) => nature == CostNature.Capex ? "CAPEX" : "OPEX";

    /// <summary>"One-time" or "Monthly".</summary>
    public static string Recurrence(CostRecurrence recurrence) => recurrence == CostRecurrence.Monthly ? "Monthly" : "One-time";
}
