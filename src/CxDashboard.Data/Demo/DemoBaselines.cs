using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;

namespace CxDashboard.Data.Demo;

/// <summary>
/// Baselines measured from the demo data itself, as a CX manager would take them: the KPI rolled up over the
/// months before an initiative started (or, for the organisation, before the first one), in the driver's scope.
/// </summary>
internal sealed class DemoBaselines(
    IReadOnlyList<PlannedMeasurement> plan,
    IReadOnlyDictionary<string, Kpi> kpis,
    IReadOnlyDictionary<string, Channel> channels,
    IReadOnlyDictionary<string, Partner> partners,
    IReadOnlyDictionary<string, Segment> segments)
{
    private const int BaselineMonths = 3;

    /// <summary>Organisation baselines over the four months before the first initiative, with the year-end targets.</summary>
    public IEnumerable<Baseline> Organisation()
    {
        var end = DemoOrganisation.AiAgentStart.AddMonths(-1);
        var start = DemoOrganisation.FirstMonth;
        var targetMonth = new YearMonth(2026, 12);
        (string Kpi, Func<double, double> Target)[] targets =
        [
            (KpiCatalog.Cpc, b => b * 0.85),
            (KpiCatalog.Fcr, b => b + 0.05),
            (KpiCatalog.Aht, b => b * 0.90),
            (KpiCatalog.Csat, b => b + 0.03),
            (KpiCatalog.Nps, b => b + 5),
            (KpiCatalog.Ces, b => b - 0.3),
            (KpiCatalog.Clv, b => b * 1.08),
            (KpiCatalog.Churn, b => b - 0.0010),
            (KpiCatalog.Retention, b => b + 0.0010),
            (KpiCatalog.RevenuePerCustomer, b => b * 1.02),
            (KpiCatalog.Containment, b => 0.68),
            (KpiCatalog.Complaints, b => b * 0.85),
        ];
        foreach (var (code, target) in targets)
        {
            var value = Measure(code, start, end, null, null, null);
            yield return new Baseline
            {
                KpiId = kpis[code].Id,
                Value = value,
                PeriodStart = start.Key,
                PeriodEnd = end.Key,
                Target = Math.Round(target(value), 4),
                TargetMonth = targetMonth.Key,
                Note = "Organisation baseline before the first initiative.",
            };
        }
    }

    /// <summary>An initiative's baseline for one KPI and scope, over the three months before it started.</summary>
    public Baseline ForInitiative(string kpi, YearMonth initiativeStart, string? channel, string? partner, string? segment, double target)
    {
        var end = initiativeStart.AddMonths(-1);
        var start = initiativeStart.AddMonths(-BaselineMonths);
        return new Baseline
        {
            KpiId = kpis[kpi].Id,
            ChannelId = channel is null ? null : channels[channel].Id,
            PartnerId = partner is null ? null : partners[partner].Id,
            SegmentId = segment is null ? null : segments[segment].Id,
            Value = Measure(kpi, start, end, channel, partner, segment),
            PeriodStart = start.Key,
            PeriodEnd = end.Key,
            Target = target,
            TargetMonth = initiativeStart.AddMonths(12).Key,
            Note = $"Measured over the {BaselineMonths} months before the initiative started.",
        };
    }

    private double Measure(string kpi, YearMonth first, YearMonth last, string? channel, string? partner, string? segment)
    {
        var definition = KpiCatalog.Find(kpi)!;
        var sums = plan
            .Where(p => p.Kpi == kpi && p.Month >= first && p.Month <= last
                && (channel is null || p.Channel == channel)
                && (partner is null || p.Partner == partner)
                && (segment is null || p.Segment == segment))
            .Aggregate(MeasurementSums.Empty, (s, p) => s.Add(KpiRollup.Of(p.Value, p.Numerator, p.Denominator, p.Weight)));
        var value = KpiRollup.Combine(definition.Aggregation, sums).Value
            ?? throw new InvalidOperationException($"The demo data has no {kpi} between {first} and {last}.");
        // A sum over several months is a monthly figure only once divided by the months.
        // Kept exact: a baseline rounded for storage would move every driver priced against it.
        return definition.Aggregation == KpiAggregation.Sum ? value / (first.MonthsUntil(last) + 1) : value;
    }
}
