namespace CxDashboard.Core.Kpis;

/// <summary>What a KPI's value measures, which decides how it is shown.</summary>
public enum KpiUnit
{
    /// <summary>Money in the organisation's currency (cost per contact, CLV).</summary>
    Money,
    /// <summary>A fraction 0..1 shown as a percentage (FCR, churn).</summary>
    Rate,
    /// <summary>A duration in seconds (handle time).</summary>
    Seconds,
    /// <summary>A score on its own scale (NPS −100..100, CES 1..7).</summary>
    Score,
    /// <summary>A count of events (complaints).</summary>
    Count,
    /// <summary>A duration in weeks (agent ramp time).</summary>
    Weeks,
}

/// <summary>Which way a KPI improves.</summary>
public enum KpiDirection
{
    /// <summary>A higher value is better (FCR, CSAT).</summary>
    HigherIsBetter,
    /// <summary>A lower value is better (cost per contact, churn).</summary>
    LowerIsBetter,
}

/// <summary>How measurements of one KPI combine across channels, partners and segments (FORMULAS.md §5).</summary>
public enum KpiAggregation
{
    /// <summary>Σ numerator ÷ Σ denominator (cost per contact, FCR, CSAT top-2-box, churn).</summary>
    Ratio,
    /// <summary>100 × Σ(promoters − detractors) ÷ Σ responses: NPS from pooled responses, never averaged.</summary>
    NetScore,
    /// <summary>Σ(value × weight) ÷ Σ weight (handle time weighted by contacts, CES by responses, CLV by customers).</summary>
    WeightedMean,
    /// <summary>Σ value (complaints, returns).</summary>
    Sum,
}

/// <summary>What a KPI is for in a value story (seed 001).</summary>
public enum KpiRole
{
    /// <summary>A sanity check of direction (CSAT, NPS); never a headline on its own.</summary>
    Directional,
    /// <summary>Sizes the change (churn, containment, order value).</summary>
    Magnitude,
    /// <summary>Explains the money (CLV, margin per customer, cost to serve).</summary>
    Forensic,
}

/// <summary>Whether a KPI moves before or after the outcome it predicts.</summary>
public enum KpiTiming
{
    /// <summary>Moves first (FCR, effort).</summary>
    Leading,
    /// <summary>Moves after the outcome (churn, CLV).</summary>
    Lagging,
}

/// <summary>The level at which a KPI is measured, which decides which dimensions its measurements carry.</summary>
public enum KpiGrain
{
    /// <summary>Per contact: channel, partner and segment.</summary>
    Contact,
    /// <summary>Per customer: segment only.</summary>
    Customer,
    /// <summary>Per agent workforce: channel and partner.</summary>
    Workforce,
}
