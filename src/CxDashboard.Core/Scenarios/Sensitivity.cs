using CxDashboard.Core.Value;

namespace CxDashboard.Core.Scenarios;

/// <summary>One bar of a tornado: one input moved down and up alone, and the NPV at each end.</summary>
/// <param name="Input">The input in words ("Handle-time savings, voice · loaded hourly rate").</param>
/// <param name="BaseValue">The input's value in the plan.</param>
/// <param name="LowValue">The input moved down: value × (1 − move).</param>
/// <param name="HighValue">The input moved up: value × (1 + move).</param>
/// <param name="NpvLow">NPV with the input at its low value; null when not applicable.</param>
/// <param name="NpvHigh">NPV with the input at its high value; null when not applicable.</param>
/// <param name="NotApplicableReason">Why an end has no NPV; null when both have one.</param>
public sealed record TornadoBar(
    string Input,
    decimal BaseValue,
    decimal LowValue,
    decimal HighValue,
    decimal? NpvLow,
    decimal? NpvHigh,
    string? NotApplicableReason = null)
{
    /// <summary>|NPV high − NPV low|: how much NPV hangs on this input; null when either end is not applicable.</summary>
    public decimal? Swing => NpvHigh - NpvLow is { } d ? Math.Abs(d) : null;
}

/// <summary>A tornado: NPV's sensitivity to each input of a plan, widest swing first (FORMULAS.md §4).</summary>
/// <param name="Scenario">The scenario whose inputs were moved.</param>
/// <param name="Move">How far each input was moved, as a fraction (0.20 = ±20 %).</param>
/// <param name="BaseNpv">NPV with every input as planned; null when not applicable.</param>
/// <param name="Bars">One bar per input, by swing (widest first; bars without a swing last), ties by input name.</param>
/// <param name="NotApplicableReason">Why there is no tornado (the projection itself is not applicable); null otherwise.</param>
public sealed record Tornado(
    ScenarioKind Scenario,
    decimal Move,
    decimal? BaseNpv,
    IReadOnlyList<TornadoBar> Bars,
    string? NotApplicableReason = null);

/// <summary>Sensitivity of NPV to each input of a plan, one input at a time.</summary>
public static class SensitivityCalculator
{
    /// <summary>
    /// Moves each input alone to value × (1 − move) and value × (1 + move) and projects NPV at both
    /// (<see cref="ScenarioCalculator.Project"/>); swing = |NPV high − NPV low|. Inputs: for each driver, every
    /// parameter that is set and that its formula uses (unit value, secondary unit value, margin, per point, and the
    /// projected volume), and its KPI change in the scenario (for the base scenario the base delta, target − baseline);
    /// each cost line's amount; the discount rate. An explicit scenario delta moves like a base delta does. An end
    /// whose projection is not applicable (a discount rate moved to −100 % or below) has no NPV and says why. Throws
    /// when <paramref name="move"/> is outside 0..1.
    /// </summary>
    public static Tornado Compute(InitiativePlan plan, decimal move = 0.20m, ScenarioKind scenario = ScenarioKind.Base)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (move is < 0m or > 1m)
            throw new ArgumentOutOfRangeException(nameof(move), move, "The move must be a fraction between 0 and 1 (0.20 for ±20 %).");

        var projected = ScenarioCalculator.Project(plan, scenario);
        if (projected.NotApplicableReason is { } reason) return new Tornado(scenario, move, null, [], reason);

        var bars = Inputs(plan, scenario)
            .Select(input => Bar(input, plan, scenario, move))
            .OrderBy(b => b.Swing is null)
            .ThenByDescending(b => b.Swing)
            .ThenBy(b => b.Input, StringComparer.Ordinal)
            .ToList();
        return new Tornado(scenario, move, projected.Npv.Value, bars);
    }

    private sealed record Input(string Name, decimal Value, Func<decimal, InitiativePlan> With);

    private static TornadoBar Bar(Input input, InitiativePlan plan, ScenarioKind scenario, decimal move)
    {
        var low = input.Value * (1m - move);
        var high = input.Value * (1m + move);
        var (npvLow, whyLow) = Npv(input.With(low), scenario);
        var (npvHigh, whyHigh) = Npv(input.With(high), scenario);
        return new TornadoBar(input.Name, input.Value, low, high, npvLow, npvHigh, whyLow ?? whyHigh);
    }

    private static (decimal? Npv, string? Reason) Npv(InitiativePlan plan, ScenarioKind scenario)
    {
        if (plan.AnnualDiscountRate <= -1m) return (null, "A discount rate at or below −100 % has no NPV.");
        return ScenarioCalculator.NpvOf(plan, scenario);
    }

    private static IEnumerable<Input> Inputs(InitiativePlan plan, ScenarioKind scenario)
    {
        for (var i = 0; i < plan.Drivers.Count; i++)
        {
            var index = i;
            var driver = plan.Drivers[i];
            var name = driver.Spec.Name;
            var p = driver.Spec.Parameters;
            InitiativePlan WithDriver(ScenarioDriver d) =>
                plan with { Drivers = plan.Drivers.Select((x, j) => j == index ? d : x).ToList() };
            ScenarioDriver WithParameters(DriverParameters parameters) =>
                driver with { Spec = driver.Spec with { Parameters = parameters } };

            var labels = Labels(driver.Spec.Type);
            if (labels.Unit is { } unitLabel && p.UnitValue is { } unit)
                yield return new Input($"{name} · {unitLabel}", unit, v => WithDriver(WithParameters(p with { UnitValue = v })));
            if (labels.Secondary is { } secondaryLabel && p.SecondaryUnitValue is { } secondary)
                yield return new Input($"{name} · {secondaryLabel}", secondary, v => WithDriver(WithParameters(p with { SecondaryUnitValue = v })));
            if (labels.Margin && p.Margin is { } margin)
                yield return new Input($"{name} · margin", margin, v => WithDriver(WithParameters(p with { Margin = v })));
            if (labels.PerPoint is { } perPointLabel && p.PerPoint is { } perPoint)
                yield return new Input($"{name} · {perPointLabel}", perPoint, v => WithDriver(WithParameters(p with { PerPoint = v })));
            if (labels.Volume is { } volumeLabel && driver.VolumeForProjection is { } volume)
                yield return new Input($"{name} · {volumeLabel}", volume, v => WithDriver(driver with { ProjectedVolume = v }));

            // The KPI change moves as an explicit delta, so a multiplier or an explicit scenario delta move alike.
            var delta = driver.DeltaIn(scenario).Resolve(driver.BaseDelta);
            yield return new Input(
                $"{name} · change in {driver.Spec.KpiCode}",
                (decimal)delta,
                v => WithDriver(WithDelta(driver, scenario, (double)v)));
        }

        for (var i = 0; i < plan.Costs.Count; i++)
        {
            var index = i;
            var cost = plan.Costs[i];
            yield return new Input(
                $"{cost.Name} · amount",
                cost.Amount,
                v => plan with { Costs = plan.Costs.Select((c, j) => j == index ? c with { Amount = v } : c).ToList() });
        }

        yield return new Input("Discount rate", plan.AnnualDiscountRate, v => plan with { AnnualDiscountRate = v });
    }

    /// <summary>The driver with its KPI change in <paramref name="scenario"/> replaced by an explicit <paramref name="delta"/>.</summary>
    private static ScenarioDriver WithDelta(ScenarioDriver driver, ScenarioKind scenario, double delta) => scenario switch
    {
        ScenarioKind.Conservative => driver with { Conservative = ScenarioDelta.Explicit(delta) },
        ScenarioKind.Optimistic => driver with { Optimistic = ScenarioDelta.Explicit(delta) },
        // The base scenario is always target − baseline, so its change moves through the target.
        _ => driver with { Target = driver.Baseline + delta },
    };

    private sealed record InputLabels(string? Unit, string? Secondary, bool Margin, string? PerPoint, string? Volume);

    /// <summary>What each parameter means for a driver type, for the parameters its formula uses (null: not used).</summary>
    private static InputLabels Labels(ValueDriverType type) => type switch
    {
        ValueDriverType.HandleTimeSavings => new("loaded hourly rate", null, false, null, "contacts per month"),
        ValueDriverType.RepeatContactAvoidance => new("cost per contact", null, false, null, "contacts per month"),
        ValueDriverType.Deflection => new("cost per assisted contact", "cost per automated contact", false, null, "contacts per month"),
        ValueDriverType.CostPerContact => new(null, null, false, null, "contacts per month"),
        ValueDriverType.ComplaintsAndReturns => new("cost per complaint or return", null, false, null, null),
        ValueDriverType.AgentRampTime => new("weekly loaded cost", null, false, null, "hires per year"),
        ValueDriverType.AgentAttrition => new("replacement cost", null, false, null, "headcount"),
        ValueDriverType.ConversionLift => new("order value", null, true, null, "leads per month"),
        ValueDriverType.RevenuePerCustomer => new(null, null, true, null, "customers"),
        ValueDriverType.Referral => new("value per referral", null, false, "referral conversions per NPS point", "customers"),
        ValueDriverType.ChurnValueOfChurn => new("churned value per month", null, false, null, null),
        ValueDriverType.ChurnCohort => new("ARPU", null, true, null, "customers"),
        ValueDriverType.ChurnFlat => new("ARPU", null, true, null, "customers"),
        _ => new(null, null, false, null, null),
    };
}
