using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CxDashboard.Core.Tests.Properties;

public sealed class RatioAndRollupPropertyTests
{
    private static readonly Gen<(decimal Cost, decimal Revenue, decimal Retention, decimal Investment)> Amounts =
        from cost in Gen.Choose(-1_000_000, 10_000_000)
        from revenue in Gen.Choose(-1_000_000, 10_000_000)
        from retention in Gen.Choose(0, 5_000_000)
        from investment in Gen.Choose(1, 20_000_000)
        select ((decimal)cost, (decimal)revenue, (decimal)retention, (decimal)investment);

    [Property(MaxTest = 500)]
    public Property Rox_is_roi_plus_100_and_the_multiple_is_rox_over_100_on_the_same_inputs() =>
        Prop.ForAll(Amounts.ToArbitrary(), a =>
        {
            var r = HeadlineRatioCalculator.Compute(a.Cost, a.Revenue, a.Retention, a.Investment);
            return Math.Abs(r.Rox.Value!.Value - (r.Roi.Value!.Value + 100m)) < 1e-18m
                && Math.Abs(r.Rox.Value.Value / 100m - r.ValueMultiple.Value!.Value) < 1e-18m;
        });

    /// <summary>One measurement: its channel and its sums, as the store would add them up.</summary>
    private static readonly Gen<(int Channel, MeasurementSums Sums)> Measurements =
        from channel in Gen.Choose(1, 4)
        from denominator in Gen.Choose(0, 100_000)
        from share in Gen.Choose(0, 1000)
        from value in Gen.Choose(0, 1000)
        from weight in Gen.Choose(0, 50_000)
        select (channel, KpiRollup.Of(value, Math.Round(denominator * share / 1000.0), denominator, weight));

    [Property(MaxTest = 300)]
    public Property Rolling_up_by_channel_then_totalling_equals_rolling_up_directly() =>
        Prop.ForAll(Measurements.ListOf().ToArbitrary(), Gen.Elements(Enum.GetValues<KpiAggregation>()).ToArbitrary(), (rows, rule) =>
        {
            var direct = KpiRollup.Combine(rule, rows.Aggregate(MeasurementSums.Empty, (s, r) => s.Add(r.Sums)));
            var byChannel = rows.GroupBy(r => r.Channel)
                .Select(g => g.Aggregate(MeasurementSums.Empty, (s, r) => s.Add(r.Sums)))
                .Aggregate(MeasurementSums.Empty, (s, c) => s.Add(c));
            var total = KpiRollup.Combine(rule, byChannel);
            return direct.Value is null ? total.Value is null
                : total.Value is { } t && Math.Abs(t - direct.Value.Value) <= 1e-9 * Math.Max(1, Math.Abs(direct.Value.Value))
                    && total.Volume == direct.Volume;
        });

    [Property(MaxTest = 300)]
    public Property Averaging_channel_rates_is_not_the_roll_up_unless_the_channels_are_the_same_size() =>
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), Gen.Choose(1001, 100_000).ToArbitrary(), (small, large) =>
        {
            // Channel A resolves all of its contacts, channel B none: the pooled rate is A's share of contacts.
            var pooled = KpiRollup.Combine(KpiAggregation.Ratio,
                KpiRollup.Of(1, small, small, null).Add(KpiRollup.Of(0, 0, large, null))).Value!.Value;
            return Math.Abs(pooled - (double)small / (small + large)) < 1e-12 && pooled < 0.5;
        });
}
