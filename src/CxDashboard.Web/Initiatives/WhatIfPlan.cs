using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Initiatives;

/// <summary>A checked what-if draft as Core's plan (to project it) and as the store's initiative (to save it).</summary>
internal static class WhatIfPlan
{
    /// <summary>Where every number of a what-if business case comes from.</summary>
    public const string Typed = "typed in this what-if business case";

    /// <summary>The plan of a draft that passed <see cref="WhatIfRules.Check"/>, and each driver's basis.</summary>
    public static (InitiativePlan Plan, IReadOnlyList<DriverBasis> Basis) Of(
        WhatIfDraft draft, IReadOnlyDictionary<string, KpiDefinition> kpis, IReadOnlyList<ChannelChoice> channels)
    {
        var drivers = new List<ScenarioDriver>();
        var basis = new List<DriverBasis>();
        foreach (var d in draft.Drivers)
        {
            var kpi = kpis[d.KpiCode];
            var usesVolume = ScenarioCalculator.UsesVolume(d.Type);
            drivers.Add(new ScenarioDriver(
                new ValueDriverSpec(d.Name.Trim(), d.Type, kpi.Code, d.Factor, d.IsHard, Fraction(d.RiskPercent), Parameters(d)),
                Stored(kpi, d.Baseline),
                Stored(kpi, d.Target),
                ScenarioDelta.Explicit(Stored(kpi, d.ConservativeChange)),
                ScenarioDelta.Explicit(Stored(kpi, d.OptimisticChange)),
                usesVolume ? d.Volume : null,
                d.RampUpMonths ?? 0,
                new DriverScope(d.ChannelId)));
            var channel = channels.FirstOrDefault(c => c.Id == d.ChannelId)?.Name ?? "all channels";
            basis.Add(new DriverBasis(kpi, $"{channel} · all partners · all segments", Typed, DriverBasis.VolumeLabelOf(d.Type), usesVolume ? Typed : null));
        }

        var start = draft.Start!.Value;
        var plan = new InitiativePlan(draft.Name.Trim(), start, draft.HorizonMonths!.Value, drivers, draft.Costs.Select(Cost).ToList(), Fraction(draft.DiscountRatePercent));
        return (plan, basis);
    }

    /// <summary>The initiative a checked draft is saved as: proposed, with its costs, its baselines and targets as typed, and its drivers.</summary>
    public static Initiative Initiative(WhatIfDraft draft, IReadOnlyDictionary<string, KpiDefinition> kpis, IReadOnlyDictionary<string, int> kpiIds)
    {
        var start = draft.Start!.Value;
        var horizon = draft.HorizonMonths!.Value;
        var initiative = new Initiative
        {
            Name = draft.Name.Trim(),
            Owner = draft.Owner.Trim(),
            Description = draft.Description.Trim(),
            StartMonth = start.Key,
            HorizonMonths = horizon,
            DiscountRate = Fraction(draft.DiscountRatePercent),
            Status = InitiativeStatus.Proposed,
            Type = draft.Type,
            CostItems = draft.Costs.Select(c => new CostItem
            {
                Name = c.Name.Trim(),
                Category = c.Category,
                Nature = c.Nature,
                Recurrence = c.Recurrence,
                Amount = c.Amount!.Value,
                StartMonth = c.Start!.Value.Key,
                EndMonth = c.Recurrence == CostRecurrence.Monthly ? c.End?.Key : null,
                Risk = Fraction(c.RiskPercent),
            }).ToList(),
        };
        foreach (var d in draft.Drivers)
        {
            var kpi = kpis[d.KpiCode];
            var baseline = new Baseline
            {
                KpiId = kpiIds[d.KpiCode],
                ChannelId = d.ChannelId,
                Value = Stored(kpi, d.Baseline),
                PeriodStart = start.AddMonths(-3).Key,
                PeriodEnd = start.AddMonths(-1).Key,
                Target = Stored(kpi, d.Target),
                TargetMonth = start.AddMonths(Math.Min(12, horizon - 1)).Key,
                Note = "Typed in the what-if business case, not measured: measure it over the three months before the start and re-baseline if it differs.",
            };
            initiative.Baselines.Add(baseline);
            initiative.ValueDrivers.Add(new ValueDriver
            {
                Name = d.Name.Trim(),
                Type = d.Type,
                Factor = d.Factor,
                IsHard = d.IsHard,
                Risk = Fraction(d.RiskPercent),
                UnitValue = d.UnitValue,
                SecondaryUnitValue = d.SecondaryUnitValue,
                Margin = d.MarginPercent is { } margin ? margin / 100m : null,
                PerPoint = d.PerPoint,
                ConservativeDelta = Stored(kpi, d.ConservativeChange),
                OptimisticDelta = Stored(kpi, d.OptimisticChange),
                ProjectedVolume = ScenarioCalculator.UsesVolume(d.Type) ? d.Volume : null,
                RampUpMonths = d.RampUpMonths ?? 0,
                Baseline = baseline,
            });
        }

        return initiative;
    }

    private static DriverParameters Parameters(WhatIfDriver d) => new(
        d.UnitValue, d.SecondaryUnitValue, d.MarginPercent is { } margin ? margin / 100m : null, null, d.PerPoint);

    private static CostItemSpec Cost(WhatIfCost c) => new(
        c.Name.Trim(), c.Category, c.Nature, c.Recurrence, c.Amount!.Value, c.Start!.Value,
        c.Recurrence == CostRecurrence.Monthly ? c.End : null, Fraction(c.RiskPercent));

    /// <summary>A typed KPI value or change as the store keeps it: a rate from percent to a fraction.</summary>
    private static double Stored(KpiDefinition kpi, double? typed) => KpiInput.FromInput(kpi.Unit, typed) ?? 0;

    private static decimal Fraction(decimal? percent) => (percent ?? 0m) / 100m;
}
