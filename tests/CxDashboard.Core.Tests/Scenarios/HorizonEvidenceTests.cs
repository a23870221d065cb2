using CxDashboard.Core.Board;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using static CxDashboard.Core.Tests.Scenarios.Plans;

namespace CxDashboard.Core.Tests.Scenarios;

public sealed class HorizonEvidenceTests
{
    [Fact]
    public void With_nothing_measured_the_whole_horizon_is_modelled()
    {
        var plan = VoiceYear();
        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        var split = HorizonEvidence.Split(plan, projection, [], null);

        // 12 × $144,000, all of it hard handle-time savings.
        Assert.Equal(new EvidenceSplit(0m, 1_728_000m, 0m, 1_728_000m, 0m), split);
    }

    [Fact]
    public void Measured_months_count_what_was_realized_and_only_later_months_are_modelled()
    {
        var plan = VoiceYear();
        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);
        var realized = new DriverValue(plan.Name, "Handle-time savings, voice", "AHT", ValueFactor.CostReduction, true,
            130_000m, 400_000m, null, "Voice");

        var split = HorizonEvidence.Split(plan, projection, [realized], new YearMonth(2026, 3));

        // January to March realized ($400,000); April to December projected: 9 × $144,000 = $1,296,000.
        Assert.Equal(400_000m, split.Measured);
        Assert.Equal(1_296_000m, split.Modelled);
        Assert.Equal(0m, split.Assumed);
        Assert.Equal(1_696_000m, split.Hard);
    }

    [Fact]
    public void An_agreed_amount_stays_assumed_in_the_projected_months_and_a_soft_driver_counts_as_soft()
    {
        var agreed = new ScenarioDriver(
            new ValueDriverSpec("Agreed saving", ValueDriverType.ManualAmount, "AHT", ValueFactor.CostReduction, false, 0m,
                new DriverParameters(UnitValue: 10_000m)),
            0, 0, ScenarioDelta.BaseDelta, ScenarioDelta.BaseDelta);
        var plan = VoiceYear() with { Drivers = [VoiceHandleTime(), agreed] };
        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        var split = HorizonEvidence.Split(plan, projection, [], new YearMonth(2025, 12));

        Assert.Equal(120_000m, split.Assumed);
        Assert.Equal(1_728_000m, split.Modelled);
        Assert.Equal(120_000m, split.Soft);
        Assert.Equal(1_728_000m, split.Hard);
    }
}
