using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Partners;

/// <summary>Writes the partners' KPIs and Core's <see cref="PartnerAttribution"/> as the <see cref="PartnerComparisonView"/> the pages show.</summary>
/// <param name="format">The organisation's culture and currency.</param>
/// <param name="roxWithheld">Why ROX and cost are withheld from the reader; null to show them.</param>
internal sealed class PartnerWriter(FigureFormat format, string? roxWithheld)
{
    private readonly KpiValueFormat _values = new(format);

    public PartnerComparisonView Write(
        YearMonth month, string monthLabel, YearMonth first, IReadOnlyList<Kpi> kpis, IReadOnlyList<Partner> partners,
        IReadOnlyDictionary<(int PartnerId, int KpiId, YearMonth Month), MeasurementSums> sums,
        PartnerAttribution attribution, IReadOnlyList<ExperimentValue> holdouts, string? partnerReader)
    {
        var culture = format.Culture;
        var months = YearMonth.Range(first, month).ToList();
        var rows = partners.Select((p, i) => new PartnerRowView(
            p.Code,
            p.Name,
            p.Kind == PartnerKind.InHouse ? "In-house" : "BPO",
            Returns(p.Name, attribution.Partners[i]),
            kpis.Select(k => Cell(k, months, p.Id, sums)).ToList())).ToList();
        var none = attribution.Unattributed;
        var unattributed = none.ValueToDate == 0 && none.CostToDate == 0 ? null : Returns("Not attributed to a partner", none);
        var anyStarted = attribution.Partners.Append(none).Any(r => r.Parts.Count > 0 || r.Costs.Count > 0);
        return new PartnerComparisonView(
            month.ToString(),
            monthLabel,
            true,
            anyStarted
                ? $"{RoxBoardService.MonthLabel(attribution.PeriodStart, culture)} – {monthLabel}, risk-adjusted"
                : $"no initiative had started by {monthLabel}",
            kpis.Select(k => k.ToDefinition()).Select(k => new PartnerKpiColumn(k.Code, k.Name, k.HigherIsBetter, KpiWords.Aggregation(k))).ToList(),
            rows,
            unattributed,
            attribution.Overlaps.Where(o => o.Overlap.ClaimedTwice != 0).Select(Overlap).ToList(),
            (KpiWords.ShortMonth(first, culture), KpiWords.ShortMonth(month, culture)),
            partnerReader,
            roxWithheld,
            holdouts.Count == 0 ? null : new PartnerHoldoutsView(
                Money(holdouts.Sum(h => h.Counted)),
                holdouts.Select(h => h.Initiative is { } i ? $"{h.Name} ({i}, {Money(h.Counted)})" : $"{h.Name} ({Money(h.Counted)})").ToList()));
    }

    private PartnerReturnView Returns(string name, PartnerReturn r) => new(
        name,
        roxWithheld is null ? Figure("rox", r.Rox, r.Rox.Value is { } v ? (v > 100m ? FigureTone.Positive : v < 100m ? FigureTone.Negative : FigureTone.Neutral) : FigureTone.Neutral) : null,
        Figure("value", r.Value, Tone(r.ValueToDate)),
        roxWithheld is null ? Figure("cost", r.Cost, FigureTone.Neutral) : null,
        Money(r.ValueThisMonth),
        new WorkSplitView(Money(r.Split.Partner), Money(r.Split.AiTooling), Money(r.Split.Internal), Money(r.Split.Total)));

    private PartnerKpiCell Cell(
        Kpi kpi, IReadOnlyList<YearMonth> months, int partnerId, IReadOnlyDictionary<(int PartnerId, int KpiId, YearMonth Month), MeasurementSums> sums)
    {
        var definition = kpi.ToDefinition();
        var series = months
            .Select(m => sums.TryGetValue((partnerId, kpi.Id, m), out var s) ? KpiRollup.Combine(definition.Aggregation, s).Value : null)
            .ToList();
        var actual = series[^1];
        var change = actual - (series.Count > 1 ? series[^2] : null);
        var improvement = change * (definition.HigherIsBetter ? 1 : -1);
        return new PartnerKpiCell(
            kpi.Code,
            _values.Value(definition, actual),
            actual,
            _values.Delta(definition, change, actual),
            improvement > 0 ? FigureTone.Positive : improvement < 0 ? FigureTone.Negative : FigureTone.Neutral,
            series,
            KpiRowWriter.SparklineText(definition, months, series, _values, format.Culture));
    }

    private string Overlap(WorkOverlap o) =>
        $"{o.Overlap.First} ({Words(o.FirstWork)}) and {o.Overlap.Second} ({Words(o.SecondWork)}): {o.Overlap.Reason}. " +
        $"{Money(o.Overlap.ClaimedTwice)} claimed by both to date is counted once, each month as the work of the larger claim.";

    /// <summary>Whose work, in words.</summary>
    public static string Words(WorkKind work) => work switch
    {
        WorkKind.Partner => "partner work",
        WorkKind.AiTooling => "AI tooling",
        _ => "internal work",
    };

    private string Money(decimal value) => format.Format(value, FigureUnit.Money);

    private static FigureTone Tone(decimal value) => value > 0 ? FigureTone.Positive : value < 0 ? FigureTone.Negative : FigureTone.Neutral;

    private FigureView Figure(string key, ExplainedFigure f, FigureTone tone) => new(
        key,
        f.Name,
        f.Value is { } v ? format.Format(v, f.Unit) : "n/a",
        "",
        f.Formula,
        format.Substitute(f),
        f.Inputs.Select(i => new FigureInputView(i.Label, format.Format(i.Value, i.Unit), i.Source)).ToList(),
        f.NotApplicableReason,
        tone);
}
