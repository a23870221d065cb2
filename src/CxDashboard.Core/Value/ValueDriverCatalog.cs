namespace CxDashboard.Core.Value;

/// <summary>What one type of value driver is: its name, the factor it usually feeds, whether it is cash, and the inputs it needs.</summary>
/// <param name="Type">The driver type.</param>
/// <param name="Name">Its name as a reader sees it; the three churn methods name their method.</param>
/// <param name="Factor">The factor of seed 000 it feeds (FORMULAS.md §2).</param>
/// <param name="IsHard">True for cash (hard) benefits, false for assumption-led (soft) ones, by default.</param>
/// <param name="KpiCodes">The standard KPIs it prices; empty when it prices none.</param>
/// <param name="Inputs">The inputs besides the KPI, in words, as <see cref="DriverParameters"/> carries them.</param>
/// <param name="Formula">Money per month, in words.</param>
public sealed record ValueDriverKind(
    ValueDriverType Type,
    string Name,
    ValueFactor Factor,
    bool IsHard,
    IReadOnlyList<string> KpiCodes,
    IReadOnlyList<string> Inputs,
    string Formula);

/// <summary>Every value driver type of FORMULAS.md §2 with what it declares.</summary>
public static class ValueDriverCatalog
{
    /// <summary>All driver types, in the order of FORMULAS.md §2.</summary>
    public static IReadOnlyList<ValueDriverKind> All { get; } =
    [
        new(ValueDriverType.HandleTimeSavings, "Handle-time savings", ValueFactor.CostReduction, true, ["AHT"],
            ["contacts per month (or the KPI's measured contacts)", "loaded hourly rate"],
            "(AHT_base − AHT_new) s × contacts ÷ 3600 × loaded hourly rate"),
        new(ValueDriverType.RepeatContactAvoidance, "Repeat-contact avoidance (FCR)", ValueFactor.CostReduction, true, ["FCR"],
            ["contacts per month (or measured)", "cost per contact"],
            "contacts × (FCR_new − FCR_base) × cost per contact"),
        new(ValueDriverType.Deflection, "Deflection / containment", ValueFactor.CostReduction, true, ["CONTAINMENT"],
            ["contacts per month (or measured)", "cost per assisted contact", "cost per automated contact"],
            "contacts × (containment_new − containment_base) × (cost per assisted − cost per automated contact)"),
        new(ValueDriverType.CostPerContact, "Cost per contact", ValueFactor.CostReduction, true, ["CPC"],
            ["contacts per month (or measured)"],
            "contacts × (CPC_base − CPC_new)"),
        new(ValueDriverType.ComplaintsAndReturns, "Complaints & returns", ValueFactor.CostReduction, true, ["COMPLAINTS", "RETURNS"],
            ["cost per complaint or return"],
            "(count_base − count_new) × cost per complaint (or return)"),
        new(ValueDriverType.AgentRampTime, "Agent ramp time", ValueFactor.CostReduction, true, ["RAMP_TIME"],
            ["hires per year", "weekly loaded cost"],
            "hires/year ÷ 12 × (weeks_base − weeks_new) × weekly loaded cost"),
        new(ValueDriverType.AgentAttrition, "Agent attrition", ValueFactor.CostReduction, true, ["ATTRITION"],
            ["headcount", "replacement cost"],
            "headcount × (attrition_base − attrition_new) ÷ 12 × replacement cost"),
        new(ValueDriverType.ConversionLift, "Conversion lift", ValueFactor.RevenueGrowth, true, [],
            ["leads per month", "order value", "margin"],
            "leads × (conv_new − conv_base) × order value × margin"),
        new(ValueDriverType.RevenuePerCustomer, "Revenue per customer", ValueFactor.RevenueGrowth, true, ["REV_PER_CUSTOMER"],
            ["customers (or measured)", "margin"],
            "customers × (ARPU_new − ARPU_base) × margin"),
        new(ValueDriverType.Referral, "Referral / NPS", ValueFactor.RevenueGrowth, false, ["NPS"],
            ["customers", "referral conversions per NPS point", "value per referral"],
            "customers × ΔNPS points × referral conversions per point × value per referral"),
        new(ValueDriverType.ChurnValueOfChurn, "Churn reduction (value of churn)", ValueFactor.Retention, true, ["CHURN"],
            ["churned value per month"],
            "churned value × relative churn reduction"),
        new(ValueDriverType.ChurnCohort, "Churn reduction (cohort survival)", ValueFactor.Retention, true, ["CHURN"],
            ["customers in the cohort", "ARPU", "margin"],
            "Σₘ N·[(1−c_new)^m − (1−c_base)^m] × ARPU × margin over the horizon"),
        new(ValueDriverType.ChurnFlat, "Churn reduction (flat)", ValueFactor.Retention, true, ["CHURN"],
            ["customers (or measured)", "ARPU", "margin"],
            "N × Δc × ARPU × margin each month, no accumulation (the conservative figure)"),
        new(ValueDriverType.ManualAmount, "Agreed amount", ValueFactor.CostReduction, false, [],
            ["agreed amount per month"],
            "the agreed amount per month (evidence: assumed)"),
    ];

    /// <summary>The declaration of one driver type.</summary>
    public static ValueDriverKind Of(ValueDriverType type) => All.First(k => k.Type == type);
}
