using System.Globalization;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Money;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Value;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// Computes a plan's returns in one scenario through Core (the scenario table, the cash-flow series, the tornado) and
/// writes them for the reader. The returns tab and the what-if page share it, so a business case reads the same on both.
/// </summary>
internal sealed class ReturnsWriter(FigureFormat format)
{
    /// <summary>How far each input of the tornado moves: ±20 % (FORMULAS.md §4).</summary>
    public const decimal TornadoMove = 0.20m;

    /// <summary>The widest bars the tornado draws.</summary>
    public const int TornadoBars = 12;

    private readonly KpiValueFormat _kpi = new(format);

    /// <summary>The plan's returns in <paramref name="scenario"/>, and the scenario table they come from.</summary>
    public (ScenarioReturnsView View, ScenarioTable Table) Write(
        InitiativePlan plan, IReadOnlyList<DriverBasis> basis, ScenarioKind scenario, bool costsHidden)
    {
        var table = ScenarioCalculator.Table(plan);
        var projection = table.Rows.First(r => r.Scenario == scenario);
        var scenarios = table.Rows.Select(r => Row(r, scenario, costsHidden)).ToList();
        var drivers = Drivers(plan, basis, projection, scenario);
        if (projection.NotApplicableReason is { } reason)
            return (new ScenarioReturnsView(scenario, Label(scenario), costsHidden, reason, [], null, scenarios, null, [], drivers), table);

        var series = ProjectedCashFlows.Series(plan, projection)!;
        var lineage = Lineage(plan, basis, scenario);
        var figures = costsHidden ? [] : Figures(plan, projection, series, lineage);
        var tornado = costsHidden ? null : Tornado(SensitivityCalculator.Compute(plan, TornadoMove, scenario));
        var overlaps = projection.Overlaps
            .Where(o => o.ClaimedTwice != 0)
            .Select(o => $"{o.First} and {o.Second}: {o.Reason}. {Money(o.ClaimedTwice)} claimed by both over the horizon is counted once.")
            .ToList();
        return (new ScenarioReturnsView(
            scenario, Label(scenario), costsHidden, null, figures, CashFlows(series, scenario, costsHidden), scenarios, tornado, overlaps, drivers), table);
    }

    /// <summary>"Conservative", "Base", "Optimistic".</summary>
    public static string Label(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Conservative => "Conservative",
        ScenarioKind.Optimistic => "Optimistic",
        _ => "Base",
    };

    private string Money(decimal value) => format.Format(value, FigureUnit.Money);

    private List<FigureView> Figures(InitiativePlan plan, ScenarioProjection p, CashFlowSeries series, IReadOnlyList<FigureInput> lineage)
    {
        var first = RoxBoardService.MonthLabel(p.FirstMonth!.Value, format.Culture);
        var rate = format.Format(plan.AnnualDiscountRate, FigureUnit.Rate);
        var irr = series.Irr().ToFigure(series.Source);
        return
        [
            Figure("rox", p.Rox, "Return on experience over the horizon", Tone(p.Rox.Value, 100m), lineage),
            Figure("roi", p.Roi, "Return on investment, classic", Tone(p.Roi.Value, 0m), lineage),
            Figure("multiple", p.ValueMultiple, "Value returned per unit invested", Tone(p.ValueMultiple.Value, 1m), lineage),
            Figure("npv", p.Npv, $"Net cash flows discounted at {rate} a year to {first}", Tone(p.Npv.Value, 0m), lineage),
            Figure("irr", irr, $"The yearly rate at which NPV is zero; the plan discounts at {rate}", Tone(irr.Value, plan.AnnualDiscountRate), lineage),
            Payback("payback", p.Payback, $"Months from {first} until benefits cover costs", lineage),
            Payback("discounted-payback", p.DiscountedPayback, $"The same on flows discounted at {rate} a year", lineage),
        ];
    }

    private FigureView Payback(string key, ExplainedFigure f, string caption, IReadOnlyList<FigureInput> lineage)
    {
        var view = Figure(key, f, caption, f.Value is null ? FigureTone.Negative : FigureTone.Positive, lineage);
        return f.Value is null && f.NotApplicableReason?.StartsWith("Not within horizon", StringComparison.Ordinal) == true
            ? view with { Value = "not reached" }
            : view;
    }

    private FigureView Figure(string key, ExplainedFigure f, string caption, FigureTone tone, IReadOnlyList<FigureInput> lineage) => new(
        key,
        f.Name,
        f.Value is { } v ? format.Format(v, f.Unit) : "n/a",
        caption,
        f.Formula,
        format.Substitute(f),
        f.Inputs.Concat(lineage).Select(i => new FigureInputView(i.Label, format.Format(i.Value, i.Unit), i.Source)).ToList(),
        f.NotApplicableReason,
        tone);

    /// <summary>What every figure of the projection rests on: each driver's baseline, its change in the scenario and its volume.</summary>
    private static List<FigureInput> Lineage(InitiativePlan plan, IReadOnlyList<DriverBasis> basis, ScenarioKind scenario)
    {
        var inputs = new List<FigureInput>();
        for (var i = 0; i < plan.Drivers.Count && i < basis.Count; i++)
        {
            var (d, b) = (plan.Drivers[i], basis[i]);
            var name = d.Spec.Name;
            var unit = DriverExplanation.UnitOf(b.Kpi.Unit);
            inputs.Add(new FigureInput($"{name}: {b.Kpi.Code} baseline", ToDecimal(d.Baseline), unit, b.BaselineSource));
            inputs.Add(new FigureInput($"{name}: change in {b.Kpi.Code}", ToDecimal(d.DeltaIn(scenario).Resolve(d.BaseDelta)), unit, ChangeSource(d, scenario)));
            if (d.VolumeForProjection is { } volume)
                inputs.Add(new FigureInput($"{name}: {b.VolumeLabel}", volume, FigureUnit.Count, b.VolumeSource ?? "volume set on the driver"));
        }

        return inputs;
    }

    private static string ChangeSource(ScenarioDriver d, ScenarioKind scenario)
    {
        var words = Label(scenario).ToLowerInvariant();
        if (scenario == ScenarioKind.Base) return "target − baseline: the base scenario";
        var delta = d.DeltaIn(scenario);
        return delta.Multiplier is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"{m:0.##} × the base change (target − baseline): the {words} scenario")
            : $"the {words} change set on the driver";
    }

    private ScenarioRowView Row(ScenarioProjection p, ScenarioKind chosen, bool costsHidden)
    {
        var name = Label(p.Scenario);
        var key = name.ToLowerInvariant();
        if (p.NotApplicableReason is not null)
            return new ScenarioRowView(key, name, "n/a", "n/a", "n/a", "n/a", "n/a", p.Scenario == chosen, p.NotApplicableReason);
        var value = Money(p.Months.Sum(m => m.Gains));
        if (costsHidden)
            return new ScenarioRowView(key, name, value, "", "", "", "", p.Scenario == chosen, "Risk-adjusted value over the horizon, double counting removed.");
        string Of(ExplainedFigure f) => f.Value is { } v ? format.Format(v, f.Unit) : "n/a";
        var payback = p.Payback.Value is { } months ? format.Format(months, FigureUnit.Months) : "not reached";
        var explanation = string.Join(" · ", new[] { p.Roi, p.Rox, p.Npv }.Select(f => $"{f.Name}: {format.Substitute(f)}"));
        return new ScenarioRowView(key, name, value, Of(p.Roi), Of(p.Rox), Of(p.Npv), payback, p.Scenario == chosen, explanation);
    }

    private CashFlowTableView CashFlows(CashFlowSeries series, ScenarioKind scenario, bool costsHidden)
    {
        var annual = series.Annual();
        var culture = format.Culture;
        string Month(int t) => new DateOnly(series.Start.AddMonths(t).Year, series.Start.AddMonths(t).Month, 1).ToString("MMM yyyy", culture);
        var columns = new List<string> { "Initial" };
        var months = new List<string> { Month(0) };
        for (var k = 1; k <= annual.YearCount; k++)
        {
            columns.Add("Year " + k.ToString(culture));
            var (from, to) = (12 * (k - 1) + 1, Math.Min(12 * k, series.HorizonMonths));
            months.Add(from == to ? Month(from) : $"{Month(from)} – {Month(to)}");
        }

        CashFlowRowView Line(string key, string name, AnnualLine line, decimal sign) =>
            new(key, name, line.Flows.Select(x => Money(sign * x)).ToList(), Money(sign * line.Total), Money(sign * line.PresentValue));
        var rows = new List<CashFlowRowView> { Line("benefits", "Benefits", annual.Benefits, 1m) };
        if (!costsHidden)
        {
            decimal running = 0;
            rows.Add(Line("costs", "Costs", annual.Costs, -1m));
            rows.Add(Line("net", "Net cash flow", annual.Net, 1m));
            rows.Add(new CashFlowRowView("cumulative", "Cumulative net cash flow", annual.Net.Flows.Select(x => Money(running += x)).ToList(), "", ""));
        }

        var rate = format.Format(series.AnnualRate, FigureUnit.Rate);
        var caption = $"Risk-adjusted, {Label(scenario).ToLowerInvariant()} scenario, double counting removed. Initial is {Month(0)}, the first month; "
            + $"each year's flows are discounted at {rate} as if they fell at its end (the TEI convention), so the present value of the net "
            + "differs a little from the NPV, which discounts month by month."
            + (costsHidden ? " Costs are not shown to partner users, so only benefits are." : "");
        return new CashFlowTableView(columns, months, rows, caption);
    }

    private TornadoView? Tornado(Tornado tornado)
    {
        if (tornado.NotApplicableReason is not null || tornado.BaseNpv is not { } baseNpv) return null;
        var bars = tornado.Bars.Take(TornadoBars).Select(b => new TornadoBarView(
            b.Input,
            b.NpvLow is { } low ? Money(low) : "n/a",
            b.NpvHigh is { } high ? Money(high) : "n/a",
            b.Swing is { } swing ? Money(swing) : "n/a",
            b.NpvLow is { } l ? (double)Math.Round(l - baseNpv) : null,
            b.NpvHigh is { } h ? (double)Math.Round(h - baseNpv) : null)).ToList();
        var move = "±" + format.Format(tornado.Move, FigureUnit.Rate);
        var widest = bars.Count > 0 ? $" The widest: {bars[0].Input}, a swing of {bars[0].Swing}." : "";
        return new TornadoView(
            Money(baseNpv), move, bars, format.Culture.Name, format.CurrencyCode,
            $"How far NPV moves from {Money(baseNpv)} when each input moves {move} alone, widest first.{widest}");
    }

    private List<DriverBasisView> Drivers(InitiativePlan plan, IReadOnlyList<DriverBasis> basis, ScenarioProjection projection, ScenarioKind scenario)
    {
        var views = new List<DriverBasisView>();
        for (var i = 0; i < plan.Drivers.Count && i < basis.Count; i++)
        {
            var (d, b) = (plan.Drivers[i], basis[i]);
            var delta = d.DeltaIn(scenario).Resolve(d.BaseDelta);
            var usesVolume = ScenarioCalculator.UsesVolume(d.Spec.Type);
            var volume = d.VolumeForProjection is { } v ? format.Format(v, FigureUnit.Count) : usesVolume ? "none" : "not needed";
            var source = b.VolumeSource ?? (d.VolumeForProjection is not null ? "volume set on the driver"
                : usesVolume ? "no volume: the driver cannot be priced until one is set" : "its formula takes no volume");
            var value = i < projection.Drivers.Count ? Money(projection.Drivers[i].CountedTotal) : "n/a";
            views.Add(new DriverBasisView(
                d.Spec.Name, $"{b.Kpi.Code} · {b.Kpi.Name}", b.ScopeLabel,
                _kpi.Value(b.Kpi, d.Baseline), _kpi.Value(b.Kpi, d.Baseline + delta), _kpi.Delta(b.Kpi, delta, d.Baseline),
                $"{volume} {(d.VolumeForProjection is null ? "" : b.VolumeLabel)}".Trim(), source, format.Format(d.Spec.Risk, FigureUnit.Rate), value));
        }

        return views;
    }

    private static FigureTone Tone(decimal? value, decimal breakEven) =>
        value is not { } v ? FigureTone.Neutral : v > breakEven ? FigureTone.Positive : v < breakEven ? FigureTone.Negative : FigureTone.Neutral;

    private static decimal ToDecimal(double x) => double.IsFinite(x) && Math.Abs(x) < 1e15 ? (decimal)x : 0m;
}
