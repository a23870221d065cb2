namespace CxDashboard.Core.Kpis;

/// <summary>The standard KPIs of FORMULAS.md §5; organisations may add their own beside them.</summary>
public static class KpiCatalog
{
    /// <summary>Cost per contact.</summary>
    public const string Cpc = "CPC";
    /// <summary>First contact resolution.</summary>
    public const string Fcr = "FCR";
    /// <summary>Average handle time.</summary>
    public const string Aht = "AHT";
    /// <summary>Customer satisfaction, top-2-box.</summary>
    public const string Csat = "CSAT";
    /// <summary>Net promoter score.</summary>
    public const string Nps = "NPS";
    /// <summary>Customer effort score.</summary>
    public const string Ces = "CES";
    /// <summary>Customer lifetime value.</summary>
    public const string Clv = "CLV";
    /// <summary>Churn rate.</summary>
    public const string Churn = "CHURN";
    /// <summary>Retention rate.</summary>
    public const string Retention = "RETENTION";
    /// <summary>Revenue per customer.</summary>
    public const string RevenuePerCustomer = "REV_PER_CUSTOMER";
    /// <summary>Complaints.</summary>
    public const string Complaints = "COMPLAINTS";
    /// <summary>Returns.</summary>
    public const string Returns = "RETURNS";
    /// <summary>Peak response time.</summary>
    public const string PeakResponse = "PEAK_RESPONSE";
    /// <summary>Containment rate of automated sessions.</summary>
    public const string Containment = "CONTAINMENT";
    /// <summary>Agent occupancy.</summary>
    public const string Occupancy = "OCCUPANCY";
    /// <summary>Agent attrition.</summary>
    public const string Attrition = "ATTRITION";
    /// <summary>Agent ramp time.</summary>
    public const string RampTime = "RAMP_TIME";

    /// <summary>Every standard KPI, in the order a board lists them.</summary>
    public static IReadOnlyList<KpiDefinition> Standard { get; } =
    [
        new(Cpc, "Cost per contact", KpiUnit.Money, KpiDirection.LowerIsBetter, KpiAggregation.Ratio,
            KpiRole.Forensic, KpiTiming.Lagging, KpiGrain.Contact,
            "Total service cost ÷ contacts handled.", "Service cost", "Contacts"),
        new(Fcr, "First contact resolution", KpiUnit.Rate, KpiDirection.HigherIsBetter, KpiAggregation.Ratio,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Contact,
            "Contacts resolved on the first contact ÷ contacts.", "Resolved on first contact", "Contacts"),
        new(Aht, "Average handle time", KpiUnit.Seconds, KpiDirection.LowerIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Contact,
            "(Talk + hold + wrap time) ÷ contacts, in seconds.", "Handle time per contact (s)", "Contacts"),
        new(Csat, "Customer satisfaction (CSAT)", KpiUnit.Rate, KpiDirection.HigherIsBetter, KpiAggregation.Ratio,
            KpiRole.Directional, KpiTiming.Leading, KpiGrain.Contact,
            "Share of 4–5 answers on a 1–5 scale (top-2-box).", "Answers of 4 or 5", "Survey responses"),
        new(Nps, "Net promoter score (NPS)", KpiUnit.Score, KpiDirection.HigherIsBetter, KpiAggregation.NetScore,
            KpiRole.Directional, KpiTiming.Leading, KpiGrain.Contact,
            "% promoters (9–10) − % detractors (0–6), from −100 to 100.", "Promoters − detractors", "Survey responses"),
        new(Ces, "Customer effort score (CES)", KpiUnit.Score, KpiDirection.LowerIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Directional, KpiTiming.Leading, KpiGrain.Contact,
            "Mean of 1–7 effort answers; lower is easier.", "Mean effort answer", "Survey responses"),
        new(Clv, "Customer lifetime value (CLV)", KpiUnit.Money, KpiDirection.HigherIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Forensic, KpiTiming.Lagging, KpiGrain.Customer,
            "ARPU × gross margin ÷ monthly churn.", "Lifetime value per customer", "Customers"),
        new(Churn, "Churn rate", KpiUnit.Rate, KpiDirection.LowerIsBetter, KpiAggregation.Ratio,
            KpiRole.Magnitude, KpiTiming.Lagging, KpiGrain.Customer,
            "Customers lost in the month ÷ customers at its start.", "Customers lost", "Customers at start"),
        new(Retention, "Retention rate", KpiUnit.Rate, KpiDirection.HigherIsBetter, KpiAggregation.Ratio,
            KpiRole.Magnitude, KpiTiming.Lagging, KpiGrain.Customer,
            "1 − churn for the same month: customers kept ÷ customers at its start.", "Customers kept", "Customers at start"),
        new(RevenuePerCustomer, "Revenue per customer", KpiUnit.Money, KpiDirection.HigherIsBetter, KpiAggregation.Ratio,
            KpiRole.Forensic, KpiTiming.Lagging, KpiGrain.Customer,
            "Revenue in the month ÷ customers.", "Revenue", "Customers"),
        new(Complaints, "Complaints", KpiUnit.Count, KpiDirection.LowerIsBetter, KpiAggregation.Sum,
            KpiRole.Magnitude, KpiTiming.Lagging, KpiGrain.Contact,
            "Formal complaints received in the month.", "Complaints", null),
        new(Returns, "Returns", KpiUnit.Count, KpiDirection.LowerIsBetter, KpiAggregation.Sum,
            KpiRole.Magnitude, KpiTiming.Lagging, KpiGrain.Customer,
            "Product returns in the month.", "Returns", null),
        new(PeakResponse, "Peak response time", KpiUnit.Seconds, KpiDirection.LowerIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Contact,
            "Mean time to answer in peak periods, in seconds.", "Mean time to answer (s)", "Peak contacts"),
        new(Containment, "Containment rate", KpiUnit.Rate, KpiDirection.HigherIsBetter, KpiAggregation.Ratio,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Contact,
            "Automated sessions resolved without a human ÷ automated sessions.", "Resolved without a human", "Automated sessions"),
        new(Occupancy, "Agent occupancy", KpiUnit.Rate, KpiDirection.HigherIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Workforce,
            "Time agents spend handling contacts ÷ time logged in.", "Occupancy", "Agents"),
        new(Attrition, "Agent attrition", KpiUnit.Rate, KpiDirection.LowerIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Workforce,
            "Annualised share of agents who leave.", "Annualised attrition", "Agents"),
        new(RampTime, "Agent ramp time", KpiUnit.Weeks, KpiDirection.LowerIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Workforce,
            "Weeks until a new agent reaches target productivity.", "Weeks to proficiency", "New hires"),
    ];

    /// <summary>The standard KPI with this code (case-insensitive), or null.</summary>
    public static KpiDefinition? Find(string code) =>
        Standard.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase));
}
