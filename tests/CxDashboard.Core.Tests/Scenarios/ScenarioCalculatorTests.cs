using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Value;
using static CxDashboard.Core.Tests.Scenarios.Plans;

namespace CxDashboard.Core.Tests.Scenarios;

public sealed class ScenarioCalculatorTests
{
    [Fact]
    public void Base_scenario_prices_the_target_change_each_month_after_risk()
    {
        // 60 s × 200,000 ÷ 3600 × $48 = $160,000, × (1 − 10 %) = $144,000
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Base);

        Assert.Null(projection.NotApplicableReason);
        Assert.Equal(12, projection.Months.Count);
        Assert.All(projection.Months, m => Assert.Equal(144_000m, m.CostReduction));
        Assert.Equal(-60, projection.Drivers[0].Delta);
    }

    [Fact]
    public void Investment_is_the_risk_adjusted_cost_of_each_month()
    {
        // Month 0: $360,000 × 1.1 + $15,000 = $411,000; then the $15,000 licence.
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Base);

        Assert.Equal(411_000m, projection.Months[0].Investment);
        Assert.All(projection.Months.Skip(1), m => Assert.Equal(15_000m, m.Investment));
        Assert.Equal(-267_000m, projection.Months[0].Net);
        Assert.Equal(129_000m, projection.Months[1].Net);
    }

    [Fact]
    public void Base_scenario_ratios_over_the_horizon()
    {
        // Gains 12 × $144,000 = $1,728,000; investment $396,000 + 12 × $15,000 = $576,000.
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Base);

        Assert.Equal(300m, projection.Rox.Value);
        Assert.Equal(200m, projection.Roi.Value);
        Assert.Equal(3m, projection.ValueMultiple.Value);
        Assert.Equal(1_152_000m, projection.Ratios.NetValue.Value);
    }

    [Fact]
    public void Npv_discounts_the_monthly_nets_at_the_plans_rate()
    {
        // −267,000 then 11 × 129,000 at 10 % a year, monthly rate 1.1^(1/12) − 1 (worked in python): 1,086,390.20
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Base);

        Assert.Equal(1_086_390.20m, projection.Npv.Value!.Value, 2);
        Assert.Null(projection.Npv.NotApplicableReason);
    }

    [Fact]
    public void Npv_at_a_zero_rate_is_the_plain_sum_of_the_nets()
    {
        var projection = ScenarioCalculator.Project(VoiceYear(rate: 0m), ScenarioKind.Base);

        Assert.Equal(1_152_000m, projection.Npv.Value);
    }

    [Fact]
    public void Payback_is_interpolated_inside_the_month_cumulative_net_turns_positive()
    {
        // Cumulative −267,000, −138,000, −9,000, +120,000: paid back 2 + 9,000 ÷ 129,000 = 2.0698 months in.
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Base);

        Assert.Equal(2.0698m, projection.Payback.Value!.Value, 4);
    }

    [Fact]
    public void Discounted_payback_is_shown_beside_and_comes_later()
    {
        // The same flows discounted at 10 % a year, monthly (worked in python): 2.0957 months.
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Base);

        Assert.Equal(2.0957m, projection.DiscountedPayback.Value!.Value, 4);
    }

    [Fact]
    public void Payback_not_within_the_horizon_says_so_rather_than_giving_a_number()
    {
        var plan = VoiceYear() with { Costs = [OneTime("Platform", 5_000_000m, January)] };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Null(projection.Payback.Value);
        Assert.Contains("Not within horizon", projection.Payback.NotApplicableReason, StringComparison.Ordinal);
        Assert.Null(projection.DiscountedPayback.Value);
        Assert.NotNull(projection.Npv.Value);
    }

    [Fact]
    public void Without_investment_ratios_and_payback_are_not_applicable()
    {
        var plan = VoiceYear(rate: 0m) with { Costs = [] };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Null(projection.Rox.Value);
        Assert.NotNull(projection.Rox.NotApplicableReason);
        Assert.Null(projection.Payback.Value);
        Assert.Contains("nothing to pay back", projection.Payback.NotApplicableReason, StringComparison.Ordinal);
        Assert.Equal(1_728_000m, projection.Npv.Value);
    }

    [Fact]
    public void Conservative_multiplier_halves_the_change()
    {
        // 30 s × 200,000 ÷ 3600 × $48 = $80,000, × 0.9 = $72,000
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Conservative);

        Assert.All(projection.Months, m => Assert.Equal(72_000m, m.CostReduction));
        Assert.Equal(-30, projection.Drivers[0].Delta);
    }

    [Fact]
    public void Optimistic_explicit_delta_replaces_the_base_change()
    {
        // 90 s × 200,000 ÷ 3600 × $48 = $240,000, × 0.9 = $216,000
        var projection = ScenarioCalculator.Project(VoiceYear(), ScenarioKind.Optimistic);

        Assert.All(projection.Months, m => Assert.Equal(216_000m, m.CostReduction));
    }

    [Fact]
    public void Scenario_table_shows_roi_rox_npv_and_payback_side_by_side()
    {
        var table = ScenarioCalculator.Table(VoiceYear());

        Assert.Equal([ScenarioKind.Conservative, ScenarioKind.Base, ScenarioKind.Optimistic], table.Rows.Select(r => r.Scenario));
        Assert.Equal([50m, 200m, 350m], table.Rows.Select(r => r.Roi.Value!.Value));
        Assert.Equal([150m, 300m, 450m], table.Rows.Select(r => r.Rox.Value!.Value));
        // Worked in python with the same monthly discounting.
        Assert.Equal(259_009.62m, table.Conservative.Npv.Value!.Value, 2);
        Assert.Equal(1_086_390.20m, table.Base.Npv.Value!.Value, 2);
        Assert.Equal(1_913_770.78m, table.Optimistic.Npv.Value!.Value, 2);
        // Conservative: −339,000 then +57,000 a month → 5 + 54,000 ÷ 57,000; optimistic: −195,000 then +201,000 → 195 ÷ 201.
        Assert.Equal(5.9474m, table.Conservative.Payback.Value!.Value, 4);
        Assert.Equal(0.9701m, table.Optimistic.Payback.Value!.Value, 4);
    }

    [Fact]
    public void A_multiplier_of_one_reproduces_the_base_exactly()
    {
        var driver = VoiceHandleTime() with { Conservative = ScenarioDelta.Times(1) };
        var plan = VoiceYear() with { Drivers = [driver] };

        var conservative = ScenarioCalculator.Project(plan, ScenarioKind.Conservative);
        var baseline = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Equal(baseline.Months, conservative.Months);
        Assert.Equal(baseline.Npv.Value, conservative.Npv.Value);
        Assert.Equal(baseline.Payback.Value, conservative.Payback.Value);
    }

    [Fact]
    public void Ramp_up_builds_the_change_linearly_before_the_full_effect()
    {
        // Two ramp-up months: 20 s, 40 s, then 60 s; at $36/h on 200,000 contacts that is $40,000, $80,000, $120,000.
        var plan = VoiceYear() with
        {
            HorizonMonths = 4,
            Drivers = [VoiceHandleTime(risk: 0m, hourlyRate: 36m, rampUpMonths: 2)],
        };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Equal([40_000m, 80_000m, 120_000m, 120_000m], projection.Months.Select(m => m.CostReduction));
    }

    [Fact]
    public void A_cost_before_the_start_opens_the_series_and_is_month_zero()
    {
        var december = January.AddMonths(-1);
        var plan = VoiceYear(rate: 0m) with { Costs = [OneTime("Design", 100_000m, december)] };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Equal(december, projection.FirstMonth);
        Assert.Equal(13, projection.Months.Count);
        Assert.Equal(-100_000m, projection.Months[0].Net);
        Assert.Equal(144_000m, projection.Months[1].Net);
        // Cumulative −100,000 then +44,000: 0 + 100,000 ÷ 144,000 months.
        Assert.Equal(0.6944m, projection.Payback.Value!.Value, 4);
    }

    [Fact]
    public void A_driver_without_a_projected_volume_makes_the_projection_not_applicable()
    {
        var plan = VoiceYear() with { Drivers = [VoiceHandleTime(volume: null)] };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Contains("Handle-time savings, voice", projection.NotApplicableReason, StringComparison.Ordinal);
        Assert.Contains("projected volume", projection.NotApplicableReason, StringComparison.Ordinal);
        Assert.Null(projection.Npv.Value);
        Assert.Null(projection.Roi.Value);
        Assert.Null(projection.Payback.Value);
        Assert.Equal(projection.NotApplicableReason, projection.Npv.NotApplicableReason);
    }

    [Fact]
    public void A_missing_parameter_is_named_rather_than_priced_at_zero()
    {
        var plan = VoiceYear() with { Drivers = [VoiceHandleTime(hourlyRate: null)] };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.Equal("Handle-time savings, voice cannot be priced without loaded hourly rate.", projection.NotApplicableReason);
        Assert.Empty(projection.Months);
    }

    [Fact]
    public void The_volume_in_the_drivers_parameters_serves_when_no_projected_volume_is_given()
    {
        var driver = VoiceHandleTime(volume: null) with
        {
            Spec = VoiceHandleTime().Spec with { Parameters = new DriverParameters(UnitValue: 48m, Volume: 200_000m) },
        };

        var projection = ScenarioCalculator.Project(VoiceYear() with { Drivers = [driver] }, ScenarioKind.Base);

        Assert.All(projection.Months, m => Assert.Equal(144_000m, m.CostReduction));
    }

    [Fact]
    public void Value_of_churn_needs_no_volume()
    {
        // Monthly churn 2 % → 1.9 %, 5 % less, on $70,000 of churned value a month: $3,500 (seed 004).
        var churn = new ScenarioDriver(
            new ValueDriverSpec("Churn reduction, value of churn", ValueDriverType.ChurnValueOfChurn, "CHURN", ValueFactor.Retention, true, 0m,
                new DriverParameters(UnitValue: 70_000m)),
            Baseline: 0.02, Target: 0.019, ScenarioDelta.Times(0.5), ScenarioDelta.Times(1.5));

        var projection = ScenarioCalculator.Project(VoiceYear() with { Drivers = [churn], HorizonMonths = 2 }, ScenarioKind.Base);

        Assert.Equal([3_500m, 3_500m], projection.Months.Select(m => m.Retention));
    }

    [Fact]
    public void An_agreed_amount_is_projected_without_a_volume()
    {
        // An agreed $12,500 a month multiplies nothing: it needs neither a projected nor a measured volume.
        var agreed = new ScenarioDriver(
            new ValueDriverSpec("Brand uplift (agreed)", ValueDriverType.ManualAmount, "NPS", ValueFactor.RevenueGrowth, false, 0.20m,
                new DriverParameters(UnitValue: 12_500m)),
            Baseline: 20, Target: 25, ScenarioDelta.Times(0.5), ScenarioDelta.Times(1.5));

        var projection = ScenarioCalculator.Project(VoiceYear() with { Drivers = [agreed], HorizonMonths = 2 }, ScenarioKind.Base);

        Assert.Null(projection.NotApplicableReason);
        Assert.Equal([10_000m, 10_000m], projection.Months.Select(m => m.RevenueGrowth));
    }

    [Fact]
    public void A_zero_baseline_churn_is_not_applicable_not_an_exception()
    {
        var churn = new ScenarioDriver(
            new ValueDriverSpec("Churn reduction, value of churn", ValueDriverType.ChurnValueOfChurn, "CHURN", ValueFactor.Retention, true, 0m,
                new DriverParameters(UnitValue: 70_000m)),
            Baseline: 0, Target: 0, ScenarioDelta.Times(0.5), ScenarioDelta.Times(1.5));

        var projection = ScenarioCalculator.Project(VoiceYear() with { Drivers = [churn] }, ScenarioKind.Base);

        Assert.Contains("a baseline churn above zero", projection.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_drivers_claiming_the_same_agent_hours_count_once_in_the_projection()
    {
        // Voice handle time $144,000 and a second estimate of the same change at $72,000 ($48/h on 100,000 contacts):
        // the same KPI, type and scope, so only the larger counts.
        var second = VoiceHandleTime(volume: 100_000m, name: "Handle-time savings, voice (vendor estimate)");
        var plan = VoiceYear() with { Drivers = [VoiceHandleTime(), second] };

        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        Assert.All(projection.Months, m => Assert.Equal(144_000m, m.CostReduction));
        var overlap = Assert.Single(projection.Overlaps);
        Assert.Equal("Handle-time savings, voice", overlap.First);
        Assert.Equal("Handle-time savings, voice (vendor estimate)", overlap.Second);
        Assert.Equal(12 * 72_000m, overlap.Removed);
        Assert.Equal(12 * 72_000m, projection.Drivers[1].Total);
        Assert.Equal(0m, projection.Drivers[1].CountedTotal);
    }

    [Fact]
    public void Drivers_on_different_channels_both_count()
    {
        var voice = VoiceHandleTime(scope: new DriverScope(ChannelId: 1));
        var chat = VoiceHandleTime(volume: 100_000m, scope: new DriverScope(ChannelId: 2), name: "Handle-time savings, chat");

        var projection = ScenarioCalculator.Project(VoiceYear() with { Drivers = [voice, chat] }, ScenarioKind.Base);

        Assert.Empty(projection.Overlaps);
        Assert.All(projection.Months, m => Assert.Equal(216_000m, m.CostReduction));
    }

    [Fact]
    public void A_nan_scenario_delta_is_rejected_with_a_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioDelta.Explicit(double.NaN));

        Assert.Contains("finite", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioDelta.Times(double.PositiveInfinity));
    }

    [Fact]
    public void An_infinite_baseline_is_rejected_with_the_drivers_name()
    {
        var plan = VoiceYear() with { Drivers = [VoiceHandleTime() with { Baseline = double.PositiveInfinity }] };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioCalculator.Project(plan, ScenarioKind.Base));

        Assert.Contains("Handle-time savings, voice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_horizon_under_one_month_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioCalculator.Project(VoiceYear() with { HorizonMonths = 0 }, ScenarioKind.Base));
    }
}
