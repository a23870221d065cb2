namespace CxDashboard.Core.Value;

/// <summary>The three factors of seed 000 that CX value falls into.</summary>
public enum ValueFactor
{
    /// <summary>Lower cost to serve.</summary>
    CostReduction,
    /// <summary>More revenue from the same customers.</summary>
    RevenueGrowth,
    /// <summary>Revenue kept by keeping customers.</summary>
    Retention,
}

/// <summary>The ways a KPI change becomes money (FORMULAS.md §2).</summary>
public enum ValueDriverType
{
    /// <summary>(AHT_base − AHT_new) s × contacts ÷ 3600 × loaded hourly rate.</summary>
    HandleTimeSavings,
    /// <summary>contacts × (FCR_new − FCR_base) × cost per contact.</summary>
    RepeatContactAvoidance,
    /// <summary>contacts × (containment_new − containment_base) × (cost per assisted − cost per automated contact).</summary>
    Deflection,
    /// <summary>contacts × (CPC_base − CPC_new).</summary>
    CostPerContact,
    /// <summary>(count_base − count_new) × cost per complaint or return.</summary>
    ComplaintsAndReturns,
    /// <summary>hires per year ÷ 12 × (weeks_base − weeks_new) × weekly loaded cost.</summary>
    AgentRampTime,
    /// <summary>headcount × (attrition_base − attrition_new) ÷ 12 × replacement cost.</summary>
    AgentAttrition,
    /// <summary>leads × (conv_new − conv_base) × order value × margin.</summary>
    ConversionLift,
    /// <summary>customers × (ARPU_new − ARPU_base) × margin.</summary>
    RevenuePerCustomer,
    /// <summary>customers × ΔNPS points × referral conversions per point × value per referral (soft).</summary>
    Referral,
    /// <summary>churned value × relative churn reduction.</summary>
    ChurnValueOfChurn,
    /// <summary>N·[(1−c_new)^m − (1−c_base)^m] × ARPU × margin, m months after the start (survival model).</summary>
    ChurnCohort,
    /// <summary>N × Δc × ARPU × margin each month, no accumulation (the conservative figure).</summary>
    ChurnFlat,
    /// <summary>An agreed amount per month (the unit value), not computed from a KPI: evidence "assumed".</summary>
    ManualAmount,
}

/// <summary>How a benefit is known (issue: evidence labels): the board's totals show the split.</summary>
public enum EvidenceKind
{
    /// <summary>Computed from actual KPI data (or a significant holdout).</summary>
    Measured,
    /// <summary>Projected from a scenario.</summary>
    Modelled,
    /// <summary>A manual figure someone agreed to.</summary>
    Assumed,
}

/// <summary>
/// The numbers a driver needs besides the KPI: what each means depends on the driver type (see
/// <see cref="ValueDriverCalculator"/>). A null volume means "take it from the KPI's own measurements"
/// (contacts behind AHT, customers behind churn).
/// </summary>
/// <param name="UnitValue">Hourly rate, cost per contact, cost per assisted contact, cost per complaint, weekly loaded cost, replacement cost, order value, value per referral, churned value per month, or ARPU.</param>
/// <param name="SecondaryUnitValue">Cost per automated contact (deflection).</param>
/// <param name="Margin">Gross margin as a fraction.</param>
/// <param name="Volume">Contacts, hires per year, headcount, leads, or customers per month; null to use the KPI's measured volume.</param>
/// <param name="PerPoint">Referral conversions per NPS point per customer.</param>
public sealed record DriverParameters(
    decimal? UnitValue = null,
    decimal? SecondaryUnitValue = null,
    decimal? Margin = null,
    decimal? Volume = null,
    decimal? PerPoint = null);

/// <summary>A value driver: which KPI change it prices, how, and how sure we are of it.</summary>
/// <param name="Name">What a reader sees ("Handle-time savings, voice").</param>
/// <param name="Type">The formula.</param>
/// <param name="KpiCode">The KPI whose change it prices.</param>
/// <param name="Factor">Cost reduction, revenue growth or retention.</param>
/// <param name="IsHard">True for cash (hard) benefits, false for assumption-led (soft) ones.</param>
/// <param name="Risk">TEI risk adjustment as a fraction: the benefit counts × (1 − risk).</param>
/// <param name="Parameters">The numbers besides the KPI.</param>
public sealed record ValueDriverSpec(
    string Name,
    ValueDriverType Type,
    string KpiCode,
    ValueFactor Factor,
    bool IsHard,
    decimal Risk,
    DriverParameters Parameters);
