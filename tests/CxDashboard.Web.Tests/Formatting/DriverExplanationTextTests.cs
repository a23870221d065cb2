using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Tests.Formatting;

/// <summary>A driver's money explained with its numbers, as the KPI tiles' tooltips show it.</summary>
public sealed class DriverExplanationTextTests
{
    private static readonly FigureFormat UsDollars = new("en-US", "USD");
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public void Handle_time_savings_read_as_the_seed_example_with_every_source()
    {
        // Seed 001: 420 → 360 s on 200,000 contacts at $48/h is $160,000 a month.
        var spec = new ValueDriverSpec("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, KpiCatalog.Aht,
            ValueFactor.CostReduction, IsHard: true, Risk: 0m, new DriverParameters(UnitValue: 48m));
        var lineage = new DriverLineage(KpiCatalog.Find(KpiCatalog.Aht)!, "Voice · all partners · all segments", "baseline measured 2025-03 to 2025-05");

        var figure = DriverExplanation.Explain(spec, lineage, 420, new KpiAggregate(360, 72_000_000, 200_000, 12), October, 5);

        Assert.Equal(160_000m, figure.Value);
        Assert.Equal("(Handle time at baseline − handle time now) × contacts ÷ 3600 × loaded hourly rate × (1 − risk)", figure.Formula);
        Assert.Equal("(420 s − 360 s) × 200,000 ÷ 3600 × $48 × (1 − 0.0%) = $160,000", UsDollars.Substitute(figure));
        Assert.Equal(
            [
                "baseline measured 2025-03 to 2025-05",
                "AHT 2026-10, Voice · all partners · all segments, rolled up from 12 measurements",
                "contacts behind AHT 2026-10, Voice · all partners · all segments",
                "assumption of the driver: loaded hourly rate",
                "risk adjustment of the driver (TEI)",
            ],
            figure.Inputs.Select(i => i.Source));
    }

    [Fact]
    public void A_loss_is_explained_with_the_risk_added_not_taken_off()
    {
        var spec = new ValueDriverSpec("Consumer churn reduction (flat)", ValueDriverType.ChurnFlat, KpiCatalog.Churn,
            ValueFactor.Retention, IsHard: true, Risk: 0.30m, new DriverParameters(UnitValue: 48m, Margin: 0.55m));
        var lineage = new DriverLineage(KpiCatalog.Find(KpiCatalog.Churn)!, "all channels · all partners · Consumer", "baseline");

        // Churn rose from 1.60 % to 1.70 % on 400,000 customers: 400,000 × −0.001 × $48 × 55 % = −$10,560, × 1.3 = −$13,728.
        var figure = DriverExplanation.Explain(spec, lineage, 0.016, new KpiAggregate(0.017, 6_800, 400_000, 1), October, 3);

        Assert.Equal(-13_728m, Math.Round(figure.Value!.Value, 6));
        Assert.EndsWith("× (1 + risk)", figure.Formula, StringComparison.Ordinal);
        Assert.Equal("400,000 × (1.60% − 1.70%) × $48 × 55.0% × (1 + 30.0%) = −$13,728", UsDollars.Substitute(figure));
    }

    [Fact]
    public void A_month_without_an_actual_says_what_is_missing()
    {
        var spec = new ValueDriverSpec("Lower cost per chat contact", ValueDriverType.CostPerContact, KpiCatalog.Cpc,
            ValueFactor.CostReduction, IsHard: true, Risk: 0.1m, new DriverParameters());
        var lineage = new DriverLineage(KpiCatalog.Find(KpiCatalog.Cpc)!, "Chat", "baseline");

        var figure = DriverExplanation.Explain(spec, lineage, 7.2, default, October, 2);

        Assert.Null(figure.Value);
        Assert.Equal("Not computed for 2026-10: missing actual KPI value.", figure.NotApplicableReason);
    }
}
