using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Value;
using static CxDashboard.Core.Tests.Scenarios.Plans;

namespace CxDashboard.Core.Tests.Scenarios;

public sealed class SensitivityTests
{
    /// <summary>
    /// A year of 60 s less handle time on 100,000 contacts at $36/h, no risk: $60,000 a month, $720,000 in all,
    /// against a $200,000 implementation.
    /// </summary>
    private static InitiativePlan Plan(decimal rate) => new(
        "Voice handle time",
        January,
        HorizonMonths: 12,
        Drivers: [VoiceHandleTime(risk: 0m, hourlyRate: 36m, volume: 100_000m)],
        Costs: [OneTime("Implementation", 200_000m, January)],
        AnnualDiscountRate: rate);

    [Fact]
    public void Each_input_moves_alone_and_bars_rank_by_swing_then_name()
    {
        // At 0 % NPV is the plain sum: 720,000 − 200,000 = 520,000. ±20 % on the rate, the volume or the change
        // gives 576,000 or 864,000 of savings (NPV 376,000 / 664,000, swing 288,000); on the cost 160,000 or 240,000
        // (NPV 560,000 / 480,000, swing 80,000); a 0 % rate moved stays 0 (swing 0).
        var tornado = SensitivityCalculator.Compute(Plan(rate: 0m));

        Assert.Equal(520_000m, tornado.BaseNpv);
        Assert.Equal(
            [
                "Handle-time savings, voice · change in AHT",
                "Handle-time savings, voice · contacts per month",
                "Handle-time savings, voice · loaded hourly rate",
                "Implementation · amount",
                "Discount rate",
            ],
            tornado.Bars.Select(b => b.Input));
        Assert.Equal([288_000m, 288_000m, 288_000m, 80_000m, 0m], tornado.Bars.Select(b => b.Swing!.Value));

        var rate = tornado.Bars[2];
        Assert.Equal(36m, rate.BaseValue);
        Assert.Equal(28.8m, rate.LowValue);
        Assert.Equal(43.2m, rate.HighValue);
        Assert.Equal(376_000m, rate.NpvLow);
        Assert.Equal(664_000m, rate.NpvHigh);

        var cost = tornado.Bars[3];
        Assert.Equal(560_000m, cost.NpvLow);
        Assert.Equal(480_000m, cost.NpvHigh);
    }

    [Fact]
    public void The_kpi_change_moves_by_the_same_fraction()
    {
        var change = SensitivityCalculator.Compute(Plan(rate: 0m)).Bars[0];

        Assert.Equal(-60m, change.BaseValue);
        Assert.Equal(-48m, change.LowValue);
        Assert.Equal(-72m, change.HighValue);
        Assert.Equal(376_000m, change.NpvLow);
        Assert.Equal(664_000m, change.NpvHigh);
    }

    [Fact]
    public void The_discount_rate_bar_discounts_at_the_moved_rates()
    {
        // −140,000 then 11 × 60,000 (worked in python): 489,483.82 at 10 %, 495,215.92 at 8 %, 483,919.53 at 12 %.
        var tornado = SensitivityCalculator.Compute(Plan(rate: 0.10m));
        var rate = Assert.Single(tornado.Bars, b => b.Input == "Discount rate");

        Assert.Equal(489_483.82m, tornado.BaseNpv!.Value, 2);
        Assert.Equal(0.08m, rate.LowValue);
        Assert.Equal(0.12m, rate.HighValue);
        Assert.Equal(495_215.92m, rate.NpvLow!.Value, 2);
        Assert.Equal(483_919.53m, rate.NpvHigh!.Value, 2);
        Assert.Equal(11_296.38m, rate.Swing!.Value, 2);
        Assert.Equal("Discount rate", tornado.Bars[^1].Input);
    }

    [Fact]
    public void A_wider_move_widens_every_swing_in_proportion()
    {
        var tornado = SensitivityCalculator.Compute(Plan(rate: 0m), move: 0.50m);

        Assert.Equal(720_000m, tornado.Bars[0].Swing);
        Assert.Equal(200_000m, tornado.Bars[3].Swing);
    }

    [Fact]
    public void Only_parameters_that_are_set_and_used_become_bars()
    {
        // Cost per contact uses no unit value: a unit value set on it would move nothing and gets no bar.
        var cpc = new ScenarioDriver(
            new ValueDriverSpec("Cost per contact, voice", ValueDriverType.CostPerContact, "CPC", ValueFactor.CostReduction, true, 0m,
                new DriverParameters(UnitValue: 5m, Margin: 0.4m)),
            Baseline: 6.0, Target: 5.5, ScenarioDelta.Times(0.5), ScenarioDelta.Times(1.5), ProjectedVolume: 100_000m);

        var tornado = SensitivityCalculator.Compute(Plan(rate: 0m) with { Drivers = [cpc] });

        Assert.Equal(
            ["Cost per contact, voice · change in CPC", "Cost per contact, voice · contacts per month", "Implementation · amount", "Discount rate"],
            tornado.Bars.Select(b => b.Input));
    }

    [Fact]
    public void Conservative_tornado_moves_the_conservative_change()
    {
        // Conservative is half the change: 30 s → $30,000 a month, $360,000 a year; ±20 % → swing $144,000.
        var tornado = SensitivityCalculator.Compute(Plan(rate: 0m), scenario: ScenarioKind.Conservative);
        var change = Assert.Single(tornado.Bars, b => b.Input.EndsWith("change in AHT", StringComparison.Ordinal));

        Assert.Equal(160_000m, tornado.BaseNpv);
        Assert.Equal(-30m, change.BaseValue);
        Assert.Equal(144_000m, change.Swing);
    }

    [Fact]
    public void A_plan_that_cannot_be_projected_has_no_tornado_and_says_why()
    {
        var plan = Plan(rate: 0m) with { Drivers = [VoiceHandleTime(hourlyRate: null)] };

        var tornado = SensitivityCalculator.Compute(plan);

        Assert.Empty(tornado.Bars);
        Assert.Null(tornado.BaseNpv);
        Assert.Contains("loaded hourly rate", tornado.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_outside_zero_to_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SensitivityCalculator.Compute(Plan(rate: 0m), move: -0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SensitivityCalculator.Compute(Plan(rate: 0m), move: 1.5m));
    }
}
