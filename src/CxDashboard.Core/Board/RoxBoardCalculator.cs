using System.Globalization;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Experiments;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Board;

/// <summary>Computes the monthly ROX board from its inputs. Every figure on the board page comes from here.</summary>
public static class RoxBoardCalculator
{
    /// <summary>
    /// For each month from an initiative's start: benefits = Σ drivers' money × (1 − risk), investment =
    /// Σ cost lines × (1 + risk) (FORMULAS.md §2, §4). The headline ratios are taken over the to-date period,
    /// from the earliest initiative start through the selected month (FORMULAS.md §1). A driver whose month
    /// lacks an input adds nothing that month and reports what was missing. A holdout experiment whose money counts
    /// (significant, or included by an editor's choice: <see cref="HoldoutValue.Counts"/>) adds its measured value once,
    /// in the last month of its test window, to its factor, its initiative's gains and the measured evidence; it is not
    /// risk-adjusted (its uncertainty is its interval), and the period starts no later than its month.
    /// </summary>
    public static RoxBoard Compute(BoardInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var month = inputs.Month;
        var experiments = inputs.Experiments ?? [];
        var firstMonths = inputs.Initiatives.Select(FirstMonth).Concat(CountedMonths(experiments, month)).ToList();
        var periodStart = firstMonths.Count == 0 ? month : firstMonths.Min();
        if (periodStart > month) periodStart = month;
        var chartStart = inputs.FirstMonth < periodStart ? inputs.FirstMonth : periodStart;

        // One slot per month from the chart's start: the factor totals and the investment.
        var span = chartStart.MonthsUntil(month) + 1;
        var byFactor = new FactorSeries(span);
        var invested = new decimal[span];

        // Each initiative's costs and drivers are priced on their own, in parallel for a large portfolio, and
        // gathered in input order so that the result never depends on the scheduling.
        var priced = new PricedInitiative[inputs.Initiatives.Count];
        void PriceInitiative(int n) => priced[n] = Price(inputs.Initiatives[n], n, chartStart, span, month);
        var driverMonths = inputs.Initiatives.Sum(i => i.Drivers.Count) * span;
        if (driverMonths >= ParallelFrom)
            Parallel.For(0, priced.Length, PriceInitiative);
        else
            for (var n = 0; n < priced.Length; n++) PriceInitiative(n);

        var work = new List<DriverWork>();
        var investments = new decimal[inputs.Initiatives.Count];
        for (var n = 0; n < priced.Length; n++)
        {
            var p = priced[n];
            investments[n] = p.Investment;
            byFactor.Add(p.Value);
            for (var i = 0; i < span; i++) invested[i] += p.Costs[i];

            work.AddRange(p.Drivers);
        }

        // Two drivers that claim the same KPI change (the same agent hours, the same customers) count once: what a
        // driver leaves out comes off its factor's months.
        var (overlaps, leftOut) = DoubleCounting.Count(work.Select(w => new DriverAmounts(
            UniqueName(w, inputs), w.Driver.Spec.Type, w.Driver.Spec.KpiCode, w.Driver.Scope ?? DriverScope.All, w.Monthly)).ToList());

        var drivers = new List<DriverValue>(work.Count);
        var gainsByInitiative = new decimal[inputs.Initiatives.Count];
        for (var d = 0; d < work.Count; d++)
        {
            var w = work[d];
            var initiative = inputs.Initiatives[w.Initiative];
            decimal removed = 0;
            if (leftOut[d] is { } months)
            {
                var slots = byFactor.Of(w.Driver.Spec.Factor);
                for (var i = 0; i < span; i++)
                    if (months[i])
                    {
                        slots[i] -= w.Monthly[i];
                        removed += w.Monthly[i];
                    }
            }

            var toDate = w.Total - removed;
            gainsByInitiative[w.Initiative] += toDate;
            var started = month >= initiative.Start;
            drivers.Add(new DriverValue(
                initiative.Name, w.Driver.Spec.Name, w.Driver.Spec.KpiCode, w.Driver.Spec.Factor, w.Driver.Spec.IsHard,
                started ? Money(w.Current, w.Driver.Spec.Risk) : null,
                toDate,
                started ? w.Current.Missing : "the initiative had not started",
                w.Driver.ScopeLabel,
                started,
                w.Explanation,
                ValueDriverCalculator.RealizedEvidence(w.Driver.Spec.Type),
                removed));
        }

        var experimentValues = AddExperiments(inputs, chartStart, byFactor, gainsByInitiative);
        var counted = experimentValues.Where(e => e.IsCounted).ToList();

        var summaries = inputs.Initiatives.Select((initiative, n) => new InitiativeSummary(
            initiative.Name, initiative.Start, gainsByInitiative[n], investments[n],
            HeadlineRatioCalculator.Compute(gainsByInitiative[n], 0m, 0m, investments[n],
                Source(initiative.Name, counted.Any(e => e.Initiative == initiative.Name) ? "value drivers and holdout experiments" : "value drivers", initiative.Start, month),
                Source(initiative.Name, "cost items", initiative.Start, month)).Rox,
            month >= initiative.Start)).ToList();

        var series = Enumerable.Range(0, span)
            .Select(i => new FactorMonth(chartStart.AddMonths(i), byFactor.CostReduction[i], byFactor.RevenueGrowth[i], byFactor.Retention[i], invested[i]))
            .ToList();
        var toDateMonths = series.Where(s => s.Month >= periodStart).ToList();
        var headline = HeadlineRatioCalculator.Compute(
            toDateMonths.Sum(s => s.CostReduction),
            toDateMonths.Sum(s => s.RevenueGrowth),
            toDateMonths.Sum(s => s.Retention),
            toDateMonths.Sum(s => s.Investment),
            Source(Count(drivers.Count, "value driver") + " of " + Count(inputs.Initiatives.Count, "initiative") + AndExperiments(counted.Count), "risk-adjusted", periodStart, month),
            Source("cost items of " + Count(inputs.Initiatives.Count, "initiative"), "risk-adjusted", periodStart, month));

        var tiles = inputs.Tiles.Select(t => Tile(t, drivers, overlaps)).ToList();
        var selected = series[^1];
        var monthHeadline = HeadlineRatioCalculator.Compute(
            selected.CostReduction, selected.RevenueGrowth, selected.Retention, selected.Investment,
            Source(Count(drivers.Count, "value driver") + AndExperiments(counted.Count(e => e.Measured == month)), "risk-adjusted", month, month),
            Source("cost items of " + Count(inputs.Initiatives.Count, "initiative"), "risk-adjusted", month, month));
        // A holdout's money is measured; it is hard when significant, soft when counted only by an editor's choice.
        var evidence = new EvidenceSplit(
            drivers.Where(d => d.Evidence == EvidenceKind.Measured).Sum(d => d.ToDate) + counted.Sum(e => e.Counted),
            drivers.Where(d => d.Evidence == EvidenceKind.Modelled).Sum(d => d.ToDate),
            drivers.Where(d => d.Evidence == EvidenceKind.Assumed).Sum(d => d.ToDate),
            drivers.Where(d => d.IsHard).Sum(d => d.ToDate) + counted.Where(e => e.Standing == ExperimentStanding.Significant).Sum(e => e.Counted),
            drivers.Where(d => !d.IsHard).Sum(d => d.ToDate) + counted.Where(e => e.Standing == ExperimentStanding.IncludedByChoice).Sum(e => e.Counted));
        // The realized months as a cash-flow series: month 0 is the period start, undiscounted.
        var flows = toDateMonths.Select(m => m.Net).ToList();
        var flowSource = Source("net cash flow of " + Count(inputs.Initiatives.Count, "initiative"), "risk-adjusted, realized", periodStart, month);
        var npv = CashFlowAppraisal.Npv(flows, (double)inputs.AnnualDiscountRate, CashFlowPeriod.Month).ToFigure(flowSource);
        var payback = CashFlowAppraisal.Payback(flows, CashFlowPeriod.Month).ToFigure(flowSource);
        return new RoxBoard(month, periodStart, headline, selected, monthHeadline, series, summaries, drivers, tiles, evidence,
            overlaps, npv with { Name = "NPV to date" }, payback, experimentValues);
    }

    // ----- Holdout experiments: their measured money, kept apart from the drivers' -----

    /// <summary>The months of the experiments whose money counts by <paramref name="month"/>.</summary>
    private static IEnumerable<YearMonth> CountedMonths(IReadOnlyList<ExperimentInputs> experiments, YearMonth month) =>
        experiments.Where(e => e.Measured <= month && HoldoutValue.Counts(e.Result, e.IncludeInRox)).Select(e => e.Measured);

    /// <summary>
    /// Each experiment's standing on the board of <paramref name="month"/>, and the money it adds there: its measured value,
    /// to the millionth, when it counts (its test window ended by the month, and it is significant or included by an
    /// editor's choice: <see cref="HoldoutValue.Counts"/>); 0 otherwise, with the reason in its standing. The board takes
    /// its experiments from here, so a page that names the board's holdout money gets the same figures.
    /// </summary>
    public static IReadOnlyList<ExperimentValue> Experiments(IReadOnlyList<ExperimentInputs> experiments, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        return experiments.Select(e => Value(e, e.Initiative, month)).ToList();
    }

    private static ExperimentValue Value(ExperimentInputs e, string? initiative, YearMonth month)
    {
        var standing = e.Result.Money.Value is null ? ExperimentStanding.NotApplicable
            : e.Measured > month ? ExperimentStanding.NotYetMeasured
            : e.Result.IsSignificant ? ExperimentStanding.Significant
            : e.IncludeInRox ? ExperimentStanding.IncludedByChoice
            : ExperimentStanding.NotSignificant;
        var counted = standing is ExperimentStanding.Significant or ExperimentStanding.IncludedByChoice
            ? decimal.Round(e.Result.Money.Value!.Value, 6)
            : 0m;
        return new ExperimentValue(e.Name, initiative, HoldoutValue.FactorOf(e.KpiCode), e.Measured, standing, counted, e.Result.Money, e.Result.PValue);
    }

    /// <summary>
    /// Each experiment's standing; the money of those that count goes into their factor's month and their initiative's
    /// gains (the first initiative of that name; none when it is not on the board).
    /// </summary>
    private static List<ExperimentValue> AddExperiments(
        BoardInputs inputs, YearMonth chartStart, FactorSeries byFactor, decimal[] gainsByInitiative)
    {
        var values = new List<ExperimentValue>();
        foreach (var e in inputs.Experiments ?? [])
        {
            var n = -1;
            for (var i = 0; i < inputs.Initiatives.Count && n < 0; i++)
                if (e.Initiative is not null && string.Equals(inputs.Initiatives[i].Name, e.Initiative, StringComparison.Ordinal)) n = i;
            var value = Value(e, n >= 0 ? e.Initiative : null, inputs.Month);
            if (value.IsCounted)
            {
                byFactor.Of(value.Factor)[chartStart.MonthsUntil(e.Measured)] += value.Counted;
                if (n >= 0) gainsByInitiative[n] += value.Counted;
            }

            values.Add(value);
        }

        return values;
    }

    private static string AndExperiments(int count) => count == 0 ? "" : " and " + Count(count, "holdout experiment");

    private static KpiTile Tile(KpiTileInputs t, IReadOnlyList<DriverValue> drivers, IReadOnlyList<DriverOverlap> overlaps)
    {
        var linked = drivers.Where(d => string.Equals(d.KpiCode, t.Kpi.Code, StringComparison.OrdinalIgnoreCase)).ToList();
        // No driver computed this month: no money to show, and the tile says why rather than showing 0.
        decimal? money = linked.All(d => d.ThisMonth is null) ? null : linked.Sum(d => d.ThisMonth ?? 0m);
        var missing = linked.Where(d => d.Started && d.ThisMonth is null && d.Missing is not null).Select(d => d.Missing!).Distinct().ToList();
        return new KpiTile(
            t.Kpi, t.Actual.Value, t.Previous.Value, t.Baseline, t.Target,
            KpiStandingCalculator.Evaluate(t.Kpi.Direction, t.Baseline, t.Target, t.Actual.Value),
            money,
            linked.Select(d => $"{d.Name} ({d.Initiative}; {d.ScopeLabel})").ToList(),
            missing.Count == 0 ? null : string.Join("; ", missing),
            linked.Count > 0 && linked.All(d => !d.Started),
            linked.Where(d => d.Explanation is not null).Select(d => d.Explanation!).ToList(),
            SharedWith(linked, overlaps));
    }

    /// <summary>The drivers of other KPIs that claim the same change as these drivers, by name.</summary>
    private static List<string> SharedWith(IReadOnlyList<DriverValue> linked, IReadOnlyList<DriverOverlap> overlaps)
    {
        var names = linked.Select(d => $"{d.Name} ({d.Initiative})").ToHashSet(StringComparer.Ordinal);
        return overlaps
            .SelectMany(o => names.Contains(o.First) && !names.Contains(o.Second) ? [o.Second]
                : names.Contains(o.Second) && !names.Contains(o.First) ? new[] { o.First } : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Below this many driver-months a board is priced on one thread: starting tasks would cost more than it saves.</summary>
    private const int ParallelFrom = 4_000;

    /// <summary>
    /// One initiative's costs per month and their total, its drivers' months, and those summed per value factor
    /// before double counting is taken out.
    /// </summary>
    private sealed record PricedInitiative(decimal[] Costs, decimal Investment, List<DriverWork> Drivers, FactorSeries Value);

    /// <summary>Money per month in each of the three value factors.</summary>
    private sealed class FactorSeries(int span)
    {
        public decimal[] CostReduction { get; } = new decimal[span];
        public decimal[] RevenueGrowth { get; } = new decimal[span];
        public decimal[] Retention { get; } = new decimal[span];

        public decimal[] Of(ValueFactor factor) => factor switch
        {
            ValueFactor.CostReduction => CostReduction,
            ValueFactor.RevenueGrowth => RevenueGrowth,
            _ => Retention,
        };

        public void Add(FactorSeries other)
        {
            for (var i = 0; i < CostReduction.Length; i++)
            {
                CostReduction[i] += other.CostReduction[i];
                RevenueGrowth[i] += other.RevenueGrowth[i];
                Retention[i] += other.Retention[i];
            }
        }
    }

    private static PricedInitiative Price(InitiativeInputs initiative, int n, YearMonth chartStart, int span, YearMonth month)
    {
        var costs = new decimal[span];
        decimal investment = 0;
        // A cost paid before the launch (design, contracts) still counts: costs run from their own first month.
        for (var i = chartStart.MonthsUntil(FirstMonth(initiative)); i < span; i++)
        {
            var m = chartStart.AddMonths(i);
            var cost = CostItemSpec.RiskAdjustedTotalIn(initiative.Costs, m);
            investment += cost;
            costs[i] = cost;
        }

        var drivers = new List<DriverWork>(initiative.Drivers.Count);
        var factors = new FactorSeries(span);
        foreach (var driver in initiative.Drivers)
        {
            var slots = factors.Of(driver.Spec.Factor);
            var monthly = new decimal[span];
            decimal total = 0;
            DriverMonth current = default;
            ExplainedFigure? explanation = null;
            for (var i = Math.Max(0, chartStart.MonthsUntil(initiative.Start)); i < span; i++)
            {
                var m = chartStart.AddMonths(i);
                var actual = driver.Actuals.TryGetValue(m, out var a) ? a : default;
                var monthOfInitiative = initiative.Start.MonthsUntil(m) + 1;
                var value = ValueDriverCalculator.MonthlyValue(
                    driver.Spec.Type, driver.Spec.Parameters, driver.Baseline, actual, monthOfInitiative);
                var money = Money(value, driver.Spec.Risk) ?? 0m;
                monthly[i] = money;
                slots[i] += money;
                total += money;
                if (m == month)
                {
                    current = value;
                    explanation = DriverExplanation.Explain(
                        driver.Spec, Lineage(driver), driver.Baseline, actual, m, monthOfInitiative);
                }
            }

            drivers.Add(new DriverWork(n, driver, monthly, total, current, explanation));
        }

        return new PricedInitiative(costs, investment, drivers, factors);
    }

    /// <summary>
    /// A driver-month's risk-adjusted money, carried to a millionth of the currency unit: far below what any figure
    /// shows, and it keeps the board's many additions on short decimals (a formula with a division yields 28 digits).
    /// </summary>
    private static decimal? Money(DriverMonth value, decimal risk) =>
        value.RiskAdjusted(risk) is { } money ? decimal.Round(money, 6) : null;

    /// <summary>One driver's months and their total before double counting is taken out.</summary>
    private sealed record DriverWork(
        int Initiative, DriverInputs Driver, decimal[] Monthly, decimal Total, DriverMonth Current, ExplainedFigure? Explanation);

    /// <summary>A driver's name with its initiative's, so that two initiatives' drivers of one name stay apart.</summary>
    private static string UniqueName(DriverWork w, BoardInputs inputs) => $"{w.Driver.Spec.Name} ({inputs.Initiatives[w.Initiative].Name})";

    /// <summary>The KPI and sources a driver's explanation names; a KPI outside the catalog shows as a score.</summary>
    private static DriverLineage Lineage(DriverInputs driver) => new(
        driver.Kpi ?? KpiCatalog.Find(driver.Spec.KpiCode) ?? new KpiDefinition(
            driver.Spec.KpiCode, driver.Spec.KpiCode, KpiUnit.Score, KpiDirection.HigherIsBetter, KpiAggregation.WeightedMean,
            KpiRole.Magnitude, KpiTiming.Leading, KpiGrain.Contact, "", driver.Spec.KpiCode, null),
        driver.ScopeLabel,
        driver.BaselineSource);

    /// <summary>An initiative's first month with cost or value: its start, or an earlier cost.</summary>
    private static YearMonth FirstMonth(InitiativeInputs initiative) => CostItemSpec.FirstMonth(initiative.Costs, initiative.Start);

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Source(string what, string how, YearMonth from, YearMonth to) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}, {how}, {from} to {to}");
}
