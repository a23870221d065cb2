using CxDashboard.Core.Kpis;

namespace CxDashboard.Core.Tests;

public sealed class KpiCatalogTests
{
    [Theory]
    [InlineData("CPC")]
    [InlineData("FCR")]
    [InlineData("AHT")]
    [InlineData("CSAT")]
    [InlineData("NPS")]
    [InlineData("CES")]
    [InlineData("CLV")]
    [InlineData("CHURN")]
    [InlineData("RETENTION")]
    [InlineData("REV_PER_CUSTOMER")]
    [InlineData("COMPLAINTS")]
    [InlineData("RETURNS")]
    [InlineData("PEAK_RESPONSE")]
    [InlineData("CONTAINMENT")]
    [InlineData("OCCUPANCY")]
    [InlineData("ATTRITION")]
    [InlineData("RAMP_TIME")]
    public void Catalog_holds_every_standard_kpi(string code)
    {
        Assert.Contains(KpiCatalog.Standard, k => k.Code == code);
    }

    [Fact]
    public void Catalog_holds_the_seventeen_standard_kpis_once_each()
    {
        var codes = KpiCatalog.Standard.Select(k => k.Code).ToList();

        Assert.Equal(17, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Codes_are_upper_case()
    {
        Assert.All(KpiCatalog.Standard, k => Assert.Equal(k.Code.ToUpperInvariant(), k.Code));
    }

    [Theory]
    [InlineData("CPC", KpiDirection.LowerIsBetter)]
    [InlineData("FCR", KpiDirection.HigherIsBetter)]
    [InlineData("AHT", KpiDirection.LowerIsBetter)]
    [InlineData("CSAT", KpiDirection.HigherIsBetter)]
    [InlineData("NPS", KpiDirection.HigherIsBetter)]
    [InlineData("CES", KpiDirection.LowerIsBetter)]
    [InlineData("CHURN", KpiDirection.LowerIsBetter)]
    [InlineData("RETENTION", KpiDirection.HigherIsBetter)]
    [InlineData("CLV", KpiDirection.HigherIsBetter)]
    [InlineData("REV_PER_CUSTOMER", KpiDirection.HigherIsBetter)]
    [InlineData("COMPLAINTS", KpiDirection.LowerIsBetter)]
    [InlineData("RETURNS", KpiDirection.LowerIsBetter)]
    [InlineData("PEAK_RESPONSE", KpiDirection.LowerIsBetter)]
    [InlineData("CONTAINMENT", KpiDirection.HigherIsBetter)]
    public void Each_kpi_improves_in_the_right_direction(string code, KpiDirection direction)
    {
        Assert.Equal(direction, KpiCatalog.Find(code)!.Direction);
    }

    [Theory]
    [InlineData("CPC", KpiAggregation.Ratio)]
    [InlineData("FCR", KpiAggregation.Ratio)]
    [InlineData("AHT", KpiAggregation.WeightedMean)]
    [InlineData("CSAT", KpiAggregation.Ratio)]
    [InlineData("NPS", KpiAggregation.NetScore)]
    [InlineData("CES", KpiAggregation.WeightedMean)]
    [InlineData("CHURN", KpiAggregation.Ratio)]
    [InlineData("RETENTION", KpiAggregation.Ratio)]
    [InlineData("CLV", KpiAggregation.WeightedMean)]
    [InlineData("REV_PER_CUSTOMER", KpiAggregation.Ratio)]
    [InlineData("COMPLAINTS", KpiAggregation.Sum)]
    [InlineData("RETURNS", KpiAggregation.Sum)]
    [InlineData("PEAK_RESPONSE", KpiAggregation.WeightedMean)]
    [InlineData("CONTAINMENT", KpiAggregation.Ratio)]
    public void Each_kpi_rolls_up_by_its_rule(string code, KpiAggregation aggregation)
    {
        Assert.Equal(aggregation, KpiCatalog.Find(code)!.Aggregation);
    }

    [Fact]
    public void Nps_is_kept_as_a_net_score_with_a_numerator()
    {
        var nps = KpiCatalog.Find(KpiCatalog.Nps)!;

        Assert.Equal(KpiAggregation.NetScore, nps.Aggregation);
        Assert.True(nps.HasNumerator);
    }

    [Theory]
    [InlineData("CSAT")]
    [InlineData("NPS")]
    public void Satisfaction_scores_are_directional(string code)
    {
        Assert.Equal(KpiRole.Directional, KpiCatalog.Find(code)!.Role);
    }

    [Theory]
    [InlineData("CHURN", KpiRole.Magnitude)]
    [InlineData("CONTAINMENT", KpiRole.Magnitude)]
    [InlineData("CLV", KpiRole.Forensic)]
    public void Money_sizing_kpis_are_magnitude_or_forensic(string code, KpiRole role)
    {
        Assert.Equal(role, KpiCatalog.Find(code)!.Role);
    }

    [Fact]
    public void Sums_have_no_denominator_and_others_name_theirs()
    {
        Assert.All(KpiCatalog.Standard, k =>
        {
            if (k.Aggregation == KpiAggregation.Sum) Assert.Null(k.DenominatorLabel);
            else Assert.False(string.IsNullOrWhiteSpace(k.DenominatorLabel));
        });
    }

    [Fact]
    public void Find_ignores_case()
    {
        Assert.Same(KpiCatalog.Find("AHT"), KpiCatalog.Find("aht"));
        Assert.Equal("Average handle time", KpiCatalog.Find("aht")!.Name);
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_code()
    {
        Assert.Null(KpiCatalog.Find("NOT_A_KPI"));
    }

    [Fact]
    public void Higher_is_better_follows_the_direction()
    {
        Assert.True(KpiCatalog.Find(KpiCatalog.Fcr)!.HigherIsBetter);
        Assert.False(KpiCatalog.Find(KpiCatalog.Aht)!.HigherIsBetter);
    }
}
