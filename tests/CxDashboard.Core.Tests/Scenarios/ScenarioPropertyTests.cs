using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CxDashboard.Core.Tests.Scenarios.Plans;

namespace CxDashboard.Core.Tests.Scenarios;

public sealed class ScenarioPropertyTests
{
    private static readonly Gen<ScenarioDriver> Drivers =
        from type in Gen.Elements(Enum.GetValues<ValueDriverType>())
        from factor in Gen.Elements(Enum.GetValues<ValueFactor>())
        from baselineThousandths in Gen.Choose(1, 500)
        from deltaThousandths in Gen.Choose(-100, 100)
        from unitCents in Gen.Choose(1, 10_000_000)
        from secondaryCents in Gen.Choose(0, 100_000)
        from marginPercent in Gen.Choose(0, 100)
        from volume in Gen.Choose(0, 2_000_000)
        from perPointThousandths in Gen.Choose(0, 100)
        from riskPercent in Gen.Choose(0, 50)
        from ramp in Gen.Choose(0, 6)
        from otherMultiplier in Gen.Choose(0, 300)
        from kpi in Gen.Elements("AHT", "FCR", "CPC", "CHURN")
        from channel in Gen.Elements<int?>(null, 1, 2)
        select new ScenarioDriver(
            new ValueDriverSpec($"{type} driver", type, kpi, factor, true, riskPercent / 100m,
                new DriverParameters(unitCents / 100m, secondaryCents / 100m, marginPercent / 100m, null, perPointThousandths / 1000m)),
            Baseline: baselineThousandths / 1000.0,
            Target: (baselineThousandths + deltaThousandths) / 1000.0,
            Conservative: ScenarioDelta.Times(1),
            Optimistic: ScenarioDelta.Times(otherMultiplier / 100.0),
            ProjectedVolume: volume,
            RampUpMonths: ramp,
            Scope: new DriverScope(ChannelId: channel));

    private static readonly Gen<InitiativePlan> PlansWithConservativeAtOne =
        from drivers in Gen.Choose(1, 3).SelectMany(n => Drivers.ArrayOf(n))
        from horizon in Gen.Choose(1, 36)
        from oneTime in Gen.Choose(0, 2_000_000)
        from monthly in Gen.Choose(0, 100_000)
        from costRiskPercent in Gen.Choose(0, 30)
        from ratePercent in Gen.Choose(0, 30)
        from earlyMonths in Gen.Choose(0, 3)
        select new InitiativePlan(
            "Plan",
            January,
            horizon,
            drivers,
            [
                OneTime("Implementation", oneTime, January.AddMonths(-earlyMonths), costRiskPercent / 100m),
                Monthly("Licence", monthly, January, costRiskPercent / 100m),
            ],
            ratePercent / 100m);

    [Property(MaxTest = 200)]
    public Property A_multiplier_of_one_reproduces_the_base_exactly() =>
        Prop.ForAll(PlansWithConservativeAtOne.ToArbitrary(), plan =>
        {
            var conservative = ScenarioCalculator.Project(plan, ScenarioKind.Conservative);
            var baseline = ScenarioCalculator.Project(plan, ScenarioKind.Base);

            Assert.Equal(baseline.NotApplicableReason, conservative.NotApplicableReason);
            Assert.Equal(baseline.Months, conservative.Months);
            Assert.Equal(baseline.Drivers.SelectMany(d => d.Counted), conservative.Drivers.SelectMany(d => d.Counted));
            Assert.Equal(baseline.Npv.Value, conservative.Npv.Value);
            Assert.Equal(baseline.Roi.Value, conservative.Roi.Value);
            Assert.Equal(baseline.Rox.Value, conservative.Rox.Value);
            Assert.Equal(baseline.Payback.Value, conservative.Payback.Value);
        });

    [Property(MaxTest = 100)]
    public Property An_explicit_delta_equal_to_the_base_delta_reproduces_the_base() =>
        Prop.ForAll(PlansWithConservativeAtOne.ToArbitrary(), plan =>
        {
            var explicitPlan = plan with
            {
                Drivers = plan.Drivers.Select(d => d with { Optimistic = ScenarioDelta.Explicit(d.BaseDelta) }).ToList(),
            };

            var optimistic = ScenarioCalculator.Project(explicitPlan, ScenarioKind.Optimistic);
            var baseline = ScenarioCalculator.Project(explicitPlan, ScenarioKind.Base);

            Assert.Equal(baseline.Months, optimistic.Months);
            Assert.Equal(baseline.Npv.Value, optimistic.Npv.Value);
        });

    [Property(MaxTest = 100)]
    public Property Payback_when_given_lies_within_the_series() =>
        Prop.ForAll(PlansWithConservativeAtOne.ToArbitrary(), plan =>
        {
            var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);
            if (projection.Payback.Value is not { } months) return;

            Assert.InRange(months, 0m, projection.Months.Count - 1);
            var whole = (int)Math.Ceiling(months);
            Assert.True(projection.Months.Take(whole + 1).Sum(m => m.Net) >= 0m);
        });
}
