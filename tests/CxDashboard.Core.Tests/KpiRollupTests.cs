using CxDashboard.Core.Kpis;

namespace CxDashboard.Core.Tests;

public sealed class KpiRollupTests
{
    private static MeasurementSums Ratio(double numerator, double denominator) =>
        KpiRollup.Of(numerator / denominator, numerator, denominator, weight: null);

    private static MeasurementSums Weighted(double value, double weight) =>
        KpiRollup.Of(value, numerator: null, denominator: null, weight);

    private static MeasurementSums Counted(double value) =>
        KpiRollup.Of(value, numerator: null, denominator: null, weight: null);

    [Fact]
    public void A_ratio_rolls_up_as_sum_over_sum_not_as_a_mean_of_percentages()
    {
        // channel A: 90 of 100 resolved (90 %); channel B: 30 of 300 (10 %). The mean of 90 % and 10 % would be 50 %.
        var fcr = KpiRollup.Combine(KpiAggregation.Ratio, Ratio(90, 100).Add(Ratio(30, 300)));

        Assert.Equal(0.3, fcr.Value);
        Assert.Equal(120, fcr.Numerator);
        Assert.Equal(400, fcr.Volume);
        Assert.Equal(2, fcr.Count);
    }

    [Fact]
    public void Nps_is_pooled_from_responses_not_averaged_across_channels()
    {
        // A: 60 promoters, 10 detractors of 100 (NPS 50); B: 20 promoters, 50 detractors of 300 (NPS −10).
        // Pooled: 100 × (80 − 60) ÷ 400 = 5, not the mean of 50 and −10 (20).
        var nps = KpiRollup.Combine(KpiAggregation.NetScore, Ratio(60 - 10, 100).Add(Ratio(20 - 50, 300)));

        Assert.Equal(5.0, nps.Value);
        Assert.Equal(400, nps.Volume);
    }

    [Fact]
    public void Nps_of_one_channel_is_promoters_minus_detractors_in_percent()
    {
        var nps = KpiRollup.Combine(KpiAggregation.NetScore, Ratio(60 - 10, 100));

        Assert.Equal(50.0, nps.Value);
    }

    [Fact]
    public void Handle_time_rolls_up_as_a_contact_weighted_mean()
    {
        // 300 s over 1,000 contacts and 600 s over 3,000: (300,000 + 1,800,000) ÷ 4,000 = 525 s, not 450.
        var aht = KpiRollup.Combine(KpiAggregation.WeightedMean, Weighted(300, 1_000).Add(Weighted(600, 3_000)));

        Assert.Equal(525.0, aht.Value);
        Assert.Equal(2_100_000, aht.Numerator);
        Assert.Equal(4_000, aht.Volume);
    }

    [Fact]
    public void Counts_roll_up_as_a_sum()
    {
        var complaints = KpiRollup.Combine(KpiAggregation.Sum, Counted(120).Add(Counted(35)).Add(Counted(0)));

        Assert.Equal(155.0, complaints.Value);
        Assert.Equal(3, complaints.Count);
    }

    [Fact]
    public void A_sum_of_zero_complaints_is_zero_not_no_data()
    {
        var complaints = KpiRollup.Combine(KpiAggregation.Sum, Counted(0));

        Assert.Equal(0.0, complaints.Value);
        Assert.True(complaints.HasValue);
    }

    [Theory]
    [InlineData(KpiAggregation.Ratio)]
    [InlineData(KpiAggregation.NetScore)]
    [InlineData(KpiAggregation.WeightedMean)]
    [InlineData(KpiAggregation.Sum)]
    public void No_measurements_give_no_value_never_zero(KpiAggregation rule)
    {
        var empty = KpiRollup.Combine(rule, MeasurementSums.Empty);

        Assert.Null(empty.Value);
        Assert.False(empty.HasValue);
        Assert.Equal(0, empty.Count);
    }

    [Fact]
    public void A_ratio_with_nothing_to_divide_by_has_no_value()
    {
        var fcr = KpiRollup.Combine(KpiAggregation.Ratio, Ratio(0, 0).Add(KpiRollup.Of(0, 0, 0, null)));

        Assert.Null(fcr.Value);
    }

    [Fact]
    public void A_weighted_mean_without_weights_has_no_value()
    {
        var aht = KpiRollup.Combine(KpiAggregation.WeightedMean, Weighted(300, 0));

        Assert.Null(aht.Value);
        Assert.Equal(1, aht.Count);
    }

    [Fact]
    public void Adding_sums_adds_every_component()
    {
        var a = new MeasurementSums(1, 2, 3, 4, 5, 6);
        var b = new MeasurementSums(10, 20, 30, 40, 50, 60);

        Assert.Equal(new MeasurementSums(11, 22, 33, 44, 55, 66), a.Add(b));
    }

    [Fact]
    public void One_measurement_keeps_its_value_numerator_denominator_and_weighted_value()
    {
        var sums = KpiRollup.Of(420, numerator: null, denominator: null, weight: 1_000);

        Assert.Equal(new MeasurementSums(420, 0, 0, 420_000, 1_000, 1), sums);
    }
}
