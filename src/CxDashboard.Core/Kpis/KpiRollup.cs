namespace CxDashboard.Core.Kpis;

/// <summary>
/// The sums a roll-up needs, computed by the store in SQL over any set of measurements of one KPI:
/// Σ value, Σ numerator, Σ denominator, Σ (value × weight), Σ weight and the row count.
/// </summary>
public readonly record struct MeasurementSums(
    double SumValue,
    double SumNumerator,
    double SumDenominator,
    double SumWeightedValue,
    double SumWeight,
    int Count)
{
    /// <summary>No measurements.</summary>
    public static MeasurementSums Empty => default;

    /// <summary>The sums of both sets together.</summary>
    public MeasurementSums Add(MeasurementSums other) => new(
        SumValue + other.SumValue,
        SumNumerator + other.SumNumerator,
        SumDenominator + other.SumDenominator,
        SumWeightedValue + other.SumWeightedValue,
        SumWeight + other.SumWeight,
        Count + other.Count);
}

/// <summary>The value of a KPI over a set of measurements, with the volume behind it.</summary>
/// <param name="Value">The rolled-up value; null when there is nothing to divide by ("no data").</param>
/// <param name="Numerator">Σ numerator (ratio KPIs) or Σ value × weight (weighted means) or Σ value (sums).</param>
/// <param name="Volume">Σ denominator (ratios), Σ weight (weighted means) or Σ value (sums): contacts, customers, responses.</param>
/// <param name="Count">How many measurements were combined.</param>
public readonly record struct KpiAggregate(double? Value, double Numerator, double Volume, int Count)
{
    /// <summary>True when there is a value to show.</summary>
    public bool HasValue => Value.HasValue;
}

/// <summary>Rolls measurements up by each KPI's aggregation rule (FORMULAS.md §5).</summary>
public static class KpiRollup
{
    /// <summary>
    /// Ratio: Σnum ÷ Σden. NetScore: 100 × Σnum ÷ Σden. WeightedMean: Σ(v·w) ÷ Σw. Sum: Σv.
    /// Returns a null value when the denominator or weight is zero or there are no rows: "no data", never 0.
    /// </summary>
    public static KpiAggregate Combine(KpiAggregation rule, MeasurementSums sums) => rule switch
    {
        KpiAggregation.Ratio => new(
            sums.SumDenominator > 0 ? sums.SumNumerator / sums.SumDenominator : null,
            sums.SumNumerator, sums.SumDenominator, sums.Count),
        KpiAggregation.NetScore => new(
            sums.SumDenominator > 0 ? 100 * sums.SumNumerator / sums.SumDenominator : null,
            sums.SumNumerator, sums.SumDenominator, sums.Count),
        KpiAggregation.WeightedMean => new(
            sums.SumWeight > 0 ? sums.SumWeightedValue / sums.SumWeight : null,
            sums.SumWeightedValue, sums.SumWeight, sums.Count),
        KpiAggregation.Sum => new(
            sums.Count > 0 ? sums.SumValue : null,
            sums.SumValue, sums.SumValue, sums.Count),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown aggregation rule."),
    };

    /// <summary>The sums of one measurement, as the store would add them up.</summary>
    public static MeasurementSums Of(double value, double? numerator, double? denominator, double? weight) => new(
        value,
        numerator ?? 0,
        denominator ?? 0,
        value * (weight ?? 0),
        weight ?? 0,
        1);
}
