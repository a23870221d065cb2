namespace CxDashboard.Core.Kpis;

/// <summary>What a KPI is: its code, unit, direction, how it rolls up and what it is for.</summary>
/// <param name="Code">Stable upper-case code used in files and URLs (CPC, FCR).</param>
/// <param name="Name">Name a reader sees.</param>
/// <param name="Unit">What the value measures.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Aggregation">How measurements combine across dimensions.</param>
/// <param name="Role">Directional, magnitude or forensic.</param>
/// <param name="Timing">Leading or lagging.</param>
/// <param name="Grain">Which dimensions its measurements carry.</param>
/// <param name="Definition">The definition in words.</param>
/// <param name="NumeratorLabel">What the numerator counts, for ratio KPIs; what the value is otherwise.</param>
/// <param name="DenominatorLabel">What the denominator or weight counts; null for sums.</param>
public sealed record KpiDefinition(
    string Code,
    string Name,
    KpiUnit Unit,
    KpiDirection Direction,
    KpiAggregation Aggregation,
    KpiRole Role,
    KpiTiming Timing,
    KpiGrain Grain,
    string Definition,
    string NumeratorLabel,
    string? DenominatorLabel)
{
    /// <summary>True when the KPI is kept as numerator and denominator rather than value and weight.</summary>
    public bool HasNumerator => Aggregation is KpiAggregation.Ratio or KpiAggregation.NetScore;

    /// <summary>True when a higher value is an improvement.</summary>
    public bool HigherIsBetter => Direction == KpiDirection.HigherIsBetter;
}
