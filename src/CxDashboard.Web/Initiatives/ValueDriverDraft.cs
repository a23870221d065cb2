using CxDashboard.Core.Value;

namespace CxDashboard.Web.Initiatives;

/// <summary>How a scenario's KPI change is given.</summary>
public enum ScenarioInput
{
    /// <summary>As a multiple of the base change (target − baseline).</summary>
    Multiplier,
    /// <summary>As an explicit change in the KPI's unit.</summary>
    Explicit,
}

/// <summary>A scenario's KPI change as the driver form holds it.</summary>
/// <param name="Input">Multiplier or explicit change.</param>
/// <param name="Multiplier">The multiple of the base change (0.5).</param>
/// <param name="Delta">The explicit change in the KPI's stored unit (−30 s, +0.02 for a rate).</param>
public sealed record ScenarioDraft(ScenarioInput Input, double? Multiplier, double? Delta);

/// <summary>A value driver as its form holds it, with the version it was loaded at (0 and 0 for a new one).</summary>
/// <param name="Id">The driver; 0 for a new one.</param>
/// <param name="InitiativeId">Its initiative.</param>
/// <param name="BaselineId">The initiative's baseline (KPI and scope) it prices.</param>
/// <param name="Name">What a reader sees.</param>
/// <param name="Type">Its formula.</param>
/// <param name="Factor">Cost reduction, revenue growth or retention.</param>
/// <param name="IsHard">Hard (cash) or soft.</param>
/// <param name="RiskPercent">TEI risk adjustment in percent, 0 to 100.</param>
/// <param name="UnitValue">The type's unit value (hourly rate, cost per contact…).</param>
/// <param name="SecondaryUnitValue">Cost per automated contact (deflection).</param>
/// <param name="MarginPercent">Gross margin in percent.</param>
/// <param name="Volume">A fixed volume instead of the KPI's measured one; null to use the measured one.</param>
/// <param name="PerPoint">Referral conversions per NPS point.</param>
/// <param name="Conservative">The conservative scenario's change.</param>
/// <param name="Optimistic">The optimistic scenario's change.</param>
/// <param name="ProjectedVolume">The volume projected months take; null for the volume above, or the last measured month's.</param>
/// <param name="RampUpMonths">Months of partial effect before the full change.</param>
/// <param name="Version">The version the form was loaded with.</param>
public sealed record ValueDriverDraft(
    int Id, int InitiativeId, int? BaselineId, string? Name, ValueDriverType Type, ValueFactor Factor, bool IsHard,
    decimal? RiskPercent, decimal? UnitValue, decimal? SecondaryUnitValue, decimal? MarginPercent, decimal? Volume, decimal? PerPoint,
    ScenarioDraft Conservative, ScenarioDraft Optimistic, decimal? ProjectedVolume, int? RampUpMonths, uint Version)
{
    /// <summary>The stored number a form field edits.</summary>
    public decimal? ValueOf(DriverParameter parameter) => parameter switch
    {
        DriverParameter.UnitValue => UnitValue,
        DriverParameter.SecondaryUnitValue => SecondaryUnitValue,
        DriverParameter.Margin => MarginPercent,
        DriverParameter.Volume => Volume,
        _ => PerPoint,
    };
}

/// <summary>What became of a value driver's save or removal.</summary>
public abstract record ValueDriverSaveResult
{
    /// <summary>Stored (or removed), with its new version.</summary>
    public sealed record Saved(ValueDriverDraft Current) : ValueDriverSaveResult;

    /// <summary>Someone else changed it first: both versions and what differs; nothing was stored.</summary>
    public sealed record Conflict(ValueDriverDraft Mine, ValueDriverDraft Theirs, IReadOnlyList<FieldDifference> Differences) : ValueDriverSaveResult;

    /// <summary>Not stored: what is wrong with which field, and what to enter instead.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : ValueDriverSaveResult;

    /// <summary>The driver or its initiative is no longer stored; nothing was saved.</summary>
    public sealed record Gone(string Message) : ValueDriverSaveResult;
}
