using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Scenarios;

/// <summary>Projects an initiative's value, cost, NPV, ratios and payback in each scenario (FORMULAS.md §2–§4).</summary>
public static class ScenarioCalculator
{
    private const string NoInvestment = "No CX investment in the horizon: there is nothing to pay back.";

    /// <summary>
    /// Projects <paramref name="plan"/> in <paramref name="scenario"/>. The months run from the earlier of the start and
    /// the first cost to start + horizon − 1; the first is month 0 of the cash-flow series. For each driver and month
    /// from the start: projected KPI = baseline + scenario delta × ramp (see <see cref="ScenarioDriver.RampUpMonths"/>),
    /// priced by <see cref="ValueDriverCalculator.MonthlyValue"/> against the baseline with the driver's projected
    /// volume, then risk-adjusted (<see cref="DriverMonth.RiskAdjusted"/>). Drivers that claim the same change count
    /// once (<see cref="DoubleCounting.Adjust"/>). Costs: Σ <see cref="CostItemSpec.RiskAdjustedIn"/>. Net = value − cost
    /// each month; NPV = <see cref="Discounting.Npv"/> of the nets at the plan's rate; ROX, ROI and value multiple by
    /// <see cref="HeadlineRatioCalculator"/> over the undiscounted sums; payback and discounted payback by
    /// <see cref="CashFlowAppraisal.Payback"/> and <see cref="CashFlowAppraisal.DiscountedPayback"/> on the monthly nets.
    /// When a driver cannot be priced (a missing parameter, no volume, a zero baseline churn) every figure is not
    /// applicable and says which driver lacks what, rather than counting it as 0; ROX, ROI and payback are not
    /// applicable without investment, and payback when not reached within the horizon. Throws only for inputs that
    /// are not ordinary: a horizon under 1 month, a negative ramp-up, a discount rate at or below −100 %, a NaN or
    /// infinite baseline or target.
    /// </summary>
    public static ScenarioProjection Project(InitiativePlan plan, ScenarioKind scenario)
    {
        Validate(plan);
        var months = YearMonth.Range(FirstMonth(plan), plan.LastMonth).ToList();

        var (drivers, counting, why) = PriceAll(plan, scenario, months);
        if (why is not null) return NotApplicable(plan, scenario, why);

        var series = months.Select((m, t) => new FactorMonth(
            m,
            FactorSum(drivers, ValueFactor.CostReduction, t),
            FactorSum(drivers, ValueFactor.RevenueGrowth, t),
            FactorSum(drivers, ValueFactor.Retention, t),
            CostItemSpec.RiskAdjustedTotalIn(plan.Costs, m))).ToList();
        var nets = series.Select(s => s.Net).ToList();
        var first = months[0];
        var last = months[^1];

        var investment = series.Sum(s => s.Investment);

        var npv = NpvFigure(plan, months.Count, Discounting.Npv(nets, plan.AnnualDiscountRate), null);
        var ratios = HeadlineRatioCalculator.Compute(
            series.Sum(s => s.CostReduction),
            series.Sum(s => s.RevenueGrowth),
            series.Sum(s => s.Retention),
            investment,
            Source(plan, scenario, "value drivers, double counting removed", first, last),
            Source(plan, scenario, "cost items", first, last));
        var flowsSource = Source(plan, scenario, "net cash flow", first, last);
        var payback = PaybackFigure(CashFlowAppraisal.Payback(nets, CashFlowPeriod.Month).ToFigure(flowsSource), investment);
        var discountedPayback = PaybackFigure(
            CashFlowAppraisal.DiscountedPayback(nets, (double)plan.AnnualDiscountRate, CashFlowPeriod.Month).ToFigure(flowsSource), investment);

        return new ScenarioProjection(scenario, series, drivers, counting.Overlaps, npv, ratios, payback, discountedPayback);
    }

    /// <summary>The scenario table: <see cref="Project"/> in the conservative, base and optimistic scenarios.</summary>
    public static ScenarioTable Table(InitiativePlan plan) => new(
        Project(plan, ScenarioKind.Conservative),
        Project(plan, ScenarioKind.Base),
        Project(plan, ScenarioKind.Optimistic));

    /// <summary>
    /// One driver's risk-adjusted money per projected month (0 before the start), or what it lacks. Only months from the
    /// start are priced, month 1 being the start month (the cohort model counts from it).
    /// </summary>
    /// <summary>
    /// Every driver priced month by month in <paramref name="scenario"/>, with double counting removed; the reason
    /// instead when a driver cannot be priced. The one path both <see cref="Project"/> and the tornado take.
    /// </summary>
    private static (List<ProjectedDriver> Drivers, DoubleCountingResult Counting, string? NotApplicable) PriceAll(
        InitiativePlan plan, ScenarioKind scenario, List<YearMonth> months)
    {
        var drivers = new List<ProjectedDriver>();
        foreach (var driver in plan.Drivers)
        {
            var delta = driver.DeltaIn(scenario).Resolve(driver.BaseDelta);
            var (monthly, missing) = Price(plan, driver, delta, months);
            if (missing is not null) return ([], DoubleCounting.Adjust([]), $"{driver.Spec.Name} cannot be priced without {missing}.");
            drivers.Add(new ProjectedDriver(driver.Spec.Name, driver.Spec.Factor, delta, monthly, monthly));
        }

        var counting = DoubleCounting.Adjust(plan.Drivers
            .Select((d, i) => new DriverAmounts(d.Spec.Name, d.Spec.Type, d.Spec.KpiCode, d.Scope ?? DriverScope.All, drivers[i].Monthly))
            .ToList());
        return (drivers.Select((d, i) => d with { Counted = counting.Counted[i] }).ToList(), counting, null);
    }

    /// <summary>
    /// NPV alone of <paramref name="scenario"/>: the same pricing, double counting and discounting as
    /// <see cref="Project"/>, without the figures a tornado does not show.
    /// </summary>
    internal static (decimal? Npv, string? NotApplicable) NpvOf(InitiativePlan plan, ScenarioKind scenario)
    {
        Validate(plan);
        var months = YearMonth.Range(FirstMonth(plan), plan.LastMonth).ToList();
        var (drivers, _, why) = PriceAll(plan, scenario, months);
        if (why is not null) return (null, why);
        var nets = new decimal[months.Count];
        for (var t = 0; t < months.Count; t++)
        {
            decimal net = -CostItemSpec.RiskAdjustedTotalIn(plan.Costs, months[t]);
            foreach (var d in drivers) net += d.Counted[t];
            nets[t] = net;
        }

        return (Discounting.Npv(nets, plan.AnnualDiscountRate), null);
    }

    private static (decimal[] Monthly, string? Missing) Price(InitiativePlan plan, ScenarioDriver driver, double delta, List<YearMonth> months)
    {
        var spec = driver.Spec;
        var volume = driver.VolumeForProjection;
        if (volume is null && UsesVolume(spec.Type))
            return ([], "a projected volume (the KPI's measured volume is not known for months still to come)");
        var parameters = spec.Parameters with { Volume = volume };

        var monthly = new decimal[months.Count];
        // After the ramp-up the projected month repeats itself (only the cohort model depends on the month):
        // price it once and reuse it, which keeps a 30-input tornado cheap.
        double? lastChange = null;
        decimal lastAdjusted = 0;
        for (var t = 0; t < months.Count; t++)
        {
            if (months[t] < plan.Start) continue;
            var monthOfInitiative = plan.Start.MonthsUntil(months[t]) + 1;
            // Multiply before dividing so that whole ramp steps stay exact (−60 × 1 ÷ 3 = −20, not −20.000000000000004).
            var change = monthOfInitiative <= driver.RampUpMonths
                ? delta * monthOfInitiative / (driver.RampUpMonths + 1)
                : delta;
            if (change == lastChange && spec.Type != ValueDriverType.ChurnCohort)
            {
                monthly[t] = lastAdjusted;
                continue;
            }

            var projected = new KpiAggregate(driver.Baseline + change, 0, 0, 1);
            var value = ValueDriverCalculator.MonthlyValue(spec.Type, parameters, driver.Baseline, projected, monthOfInitiative);
            if (value.RiskAdjusted(spec.Risk) is not { } adjusted) return ([], value.Missing ?? "an input");
            monthly[t] = adjusted;
            (lastChange, lastAdjusted) = (change, adjusted);
        }

        return (monthly, null);
    }

    /// <summary>
    /// True for the driver types whose formula multiplies by a volume (contacts, hires, headcount, leads, customers): all
    /// but complaints and returns, the value of churn and an agreed amount.
    /// </summary>
    public static bool UsesVolume(ValueDriverType type) =>
        type is not (ValueDriverType.ComplaintsAndReturns or ValueDriverType.ChurnValueOfChurn or ValueDriverType.ManualAmount);

    private static decimal FactorSum(List<ProjectedDriver> drivers, ValueFactor factor, int t) =>
        drivers.Where(d => d.Factor == factor).Sum(d => d.Counted[t]);

    /// <summary>The first month of the series: the start, or an earlier cost's month (design and contracts before launch count).</summary>
    private static YearMonth FirstMonth(InitiativePlan plan) => CostItemSpec.FirstMonth(plan.Costs, plan.Start);

    private static void Validate(InitiativePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.HorizonMonths < 1)
            throw new ArgumentOutOfRangeException(nameof(plan), plan.HorizonMonths, "A projection needs a horizon of at least one month.");
        if (plan.AnnualDiscountRate <= -1m)
            throw new ArgumentOutOfRangeException(nameof(plan), plan.AnnualDiscountRate, "The annual discount rate must be above −100 %.");
        foreach (var d in plan.Drivers)
        {
            if (!double.IsFinite(d.Baseline))
                throw new ArgumentOutOfRangeException(nameof(plan), d.Baseline, $"The baseline of {d.Spec.Name} must be a finite number, not NaN or infinity.");
            if (!double.IsFinite(d.Target))
                throw new ArgumentOutOfRangeException(nameof(plan), d.Target, $"The target of {d.Spec.Name} must be a finite number, not NaN or infinity.");
            if (d.RampUpMonths < 0)
                throw new ArgumentOutOfRangeException(nameof(plan), d.RampUpMonths, $"The ramp-up of {d.Spec.Name} cannot be negative.");
        }
    }

    private static ScenarioProjection NotApplicable(InitiativePlan plan, ScenarioKind scenario, string reason)
    {
        var template = HeadlineRatioCalculator.Compute(0m, 0m, 0m, 0m);
        static ExplainedFigure Na(ExplainedFigure f, string why) => f with { Value = null, NotApplicableReason = why };
        var ratios = new HeadlineRatios(Na(template.Rox, reason), Na(template.Roi, reason), Na(template.ValueMultiple, reason), Na(template.NetValue, reason));
        var payback = new ExplainedFigure("Payback", null, FigureUnit.Months, PaybackFormula, "{result}", [], reason);
        return new ScenarioProjection(
            scenario, [], [], [], NpvFigure(plan, 0, null, reason), ratios, payback,
            payback with { Name = "Discounted payback" }, reason);
    }

    private static ExplainedFigure NpvFigure(InitiativePlan plan, int months, decimal? npv, string? reason) => new(
        "NPV", npv, FigureUnit.Money,
        "Σ net cash flowₜ ÷ (1 + monthly rate)^t, t in months from the first month (undiscounted), monthly rate = (1 + annual rate)^(1/12) − 1",
        "NPV of {0} months of risk-adjusted net cash flow at {1} a year = {result}",
        [
            new FigureInput("Months projected", months, FigureUnit.Count, plan.Name),
            new FigureInput("Annual discount rate", plan.AnnualDiscountRate, FigureUnit.Rate, plan.Name),
        ],
        reason);

    private const string PaybackFormula = "First month in which the cumulative net cash flow is ≥ 0, interpolated inside that month";

    /// <summary>The cash-flow engine's payback, except that with no investment there is nothing to pay back.</summary>
    private static ExplainedFigure PaybackFigure(ExplainedFigure payback, decimal investment) =>
        investment > 0 ? payback : payback with { Value = null, NotApplicableReason = NoInvestment };

    private static string Source(InitiativePlan plan, ScenarioKind scenario, string what, YearMonth from, YearMonth to) =>
        string.Create(CultureInfo.InvariantCulture, $"{plan.Name}, {Describe(scenario)} scenario, {what}, risk-adjusted, {from} to {to}");

    /// <summary>The scenario's name in words ("base").</summary>
    internal static string Describe(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Conservative => "conservative",
        ScenarioKind.Optimistic => "optimistic",
        _ => "base",
    };
}
