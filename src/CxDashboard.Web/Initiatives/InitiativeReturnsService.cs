using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// The returns tab's application service: one stored initiative projected through Core in the chosen scenario (figures
/// with their lineage, the TEI cash-flow table, the scenario table, the tornado), its realized value by month as the
/// board computes it against the base projection, how the horizon's value is known, and any double counting.
/// </summary>
public sealed class InitiativeReturnsService(
    IDbContextFactory<CxDbContext> contexts,
    MeasurementQueries measurements,
    OrganisationQueries organisation,
    AccessGuard guard)
{
    /// <summary>The returns of initiative <paramref name="initiativeId"/> in <paramref name="scenario"/>; null when there is no such initiative.</summary>
    public async Task<ReturnsTabView?> GetAsync(int initiativeId, ScenarioKind scenario, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(initiativeId, cancellationToken) is not { } initiative) return null;
        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        var dataMonths = await measurements.MonthsWithDataAsync(cancellationToken);
        var partner = await ReaderPartnerAsync(dimensions);

        var volumes = dataMonths.Count == 0
            ? new Dictionary<int, MeasuredVolume>()
            : await LastMeasuredVolumesAsync(initiative, dataMonths[0], dataMonths[^1], cancellationToken);
        var (plan, basis, planNotes) = StoredPlan.Of(initiative, dimensions, volumes, leaveOutUnpriced: partner is not null);
        var (returns, table) = new ReturnsWriter(format).Write(plan, basis, scenario, partner is not null);

        var notes = new List<string>();
        if (partner is not null)
            notes.Add($"Costs are not shown to partner users, so ROX, ROI, the value multiple, NPV, IRR, payback and the tornado, which all need them, are not shown either. Measured volumes and realized value come only from the measurements of {partner}.");
        if (initiative.ArchivedUtc is { } archived)
            notes.Add($"Archived on {archived.ToString("d MMMM yyyy", format.Culture)}: kept with its history, but off the lists and the board.");
        notes.AddRange(planNotes);

        var culture = format.Culture;
        var (realized, through, realizedNote) = await RealizedAsync(initiative, plan, dataMonths, dimensions, cancellationToken);
        var chosen = table.Rows.First(r => r.Scenario == scenario);
        var evidence = chosen.NotApplicableReason is null
            ? Evidence(format, HorizonEvidence.Split(plan, chosen, realized?.Drivers ?? [], through), through)
            : null;
        var period = $"{RoxBoardService.MonthLabel(plan.Start, culture)} – {RoxBoardService.MonthLabel(plan.LastMonth, culture)}, "
            + $"{plan.HorizonMonths} months, discounted at {format.Format(plan.AnnualDiscountRate, FigureUnit.Rate)} a year";
        return new ReturnsTabView(
            initiative.Id, initiative.Name, period, returns,
            Chart(format, plan, table.Base, realized, through, realizedNote), evidence, notes);
    }

    private async Task<Initiative?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Initiatives.AsNoTracking()
            .Include(i => i.CostItems.OrderBy(c => c.Id))
            .Include(i => i.ValueDrivers.OrderBy(d => d.Id)).ThenInclude(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The partner a partner user is limited to, by name; null for the organisation's own users.</summary>
    private async Task<string?> ReaderPartnerAsync(Dimensions dimensions)
    {
        var partner = StoreActor.Current?.PartnerId ?? CxClaims.PartnerOf(await guard.UserAsync());
        return partner is { } id ? dimensions.Partners.FirstOrDefault(p => p.Id == id)?.Name ?? "one partner" : null;
    }

    /// <summary>For each driver that needs a volume and has none of its own: its KPI's volume in the last month measured over its scope.</summary>
    private async Task<Dictionary<int, MeasuredVolume>> LastMeasuredVolumesAsync(
        Initiative initiative, YearMonth first, YearMonth last, CancellationToken cancellationToken)
    {
        var volumes = new Dictionary<int, MeasuredVolume>();
        foreach (var driver in initiative.ValueDrivers)
        {
            if (driver.ProjectedVolume is not null || driver.Volume is not null || !ScenarioCalculator.UsesVolume(driver.Type)) continue;
            if (driver.Baseline is not { Kpi: not null } baseline) continue;
            var aggregation = baseline.Kpi.Aggregation;
            var sums = await measurements.SumsByMonthAsync(
                baseline.KpiId, first, last, MeasurementScope.Of(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId), cancellationToken);
            var latest = sums
                .Select(kv => (Month: kv.Key, KpiRollup.Combine(aggregation, kv.Value).Volume))
                .Where(m => m.Volume > 0)
                .OrderByDescending(m => m.Month)
                .FirstOrDefault();
            if (latest.Volume > 0) volumes[driver.Id] = new MeasuredVolume(latest.Month, latest.Volume);
        }

        return volumes;
    }

    /// <summary>The initiative's realized months as the board computes them, through the last month with data inside its horizon.</summary>
    private async Task<(RoxBoard? Board, YearMonth? Through, string? Note)> RealizedAsync(
        Initiative initiative, InitiativePlan plan, IReadOnlyList<YearMonth> dataMonths, Dimensions dimensions, CancellationToken cancellationToken)
    {
        if (initiative.Status == InitiativeStatus.Proposed)
            return (null, null, "A proposed initiative has realized nothing yet: its value is measured once it is approved and starts.");
        if (dataMonths.Count == 0 || dataMonths[^1] < plan.Start)
            return (null, null, "Nothing is realized yet: no month has been measured since the initiative started.");
        var through = dataMonths[^1] < plan.LastMonth ? dataMonths[^1] : plan.LastMonth;
        var inputs = await InitiativePlans.RealizedAsync(measurements, initiative, through, dimensions, cancellationToken);
        return (RoxBoardCalculator.Compute(new BoardInputs(through, plan.Start, [inputs], [], plan.AnnualDiscountRate)), through, null);
    }

    private static RealizedChartView Chart(
        FigureFormat format, InitiativePlan plan, ScenarioProjection projected, RoxBoard? realized, YearMonth? through, string? note)
    {
        var culture = format.Culture;
        var months = YearMonth.Range(Core.CashFlows.CostItemSpec.FirstMonth(plan.Costs, plan.Start), plan.LastMonth).ToList();
        var projectedByMonth = projected.Months.ToDictionary(m => m.Month, m => m.Gains);
        var realizedByMonth = realized?.Series.ToDictionary(m => m.Month, m => m.Gains) ?? [];
        double? Projected(YearMonth m) => projectedByMonth.TryGetValue(m, out var v) ? (double)Math.Round(v) : null;
        double? Realized(YearMonth m) => through is { } t && m <= t && realizedByMonth.TryGetValue(m, out var v) ? (double)Math.Round(v) : null;

        string summary;
        if (realized is null || through is not { } last) summary = note ?? "Nothing is realized yet.";
        else
        {
            var span = months.Where(m => m >= plan.Start && m <= last).ToList();
            var done = span.Sum(m => realizedByMonth.GetValueOrDefault(m));
            var planned = span.Sum(m => projectedByMonth.GetValueOrDefault(m));
            summary = projected.NotApplicableReason is null
                ? $"Realized {format.Format(done, FigureUnit.Money)} from {RoxBoardService.MonthLabel(plan.Start, culture)} to {RoxBoardService.MonthLabel(last, culture)}, "
                    + $"against {format.Format(planned, FigureUnit.Money)} projected in the base scenario for the same months. Both risk-adjusted."
                : $"Realized {format.Format(done, FigureUnit.Money)} from {RoxBoardService.MonthLabel(plan.Start, culture)} to {RoxBoardService.MonthLabel(last, culture)}; the base scenario cannot be projected: {projected.NotApplicableReason}";
        }

        return new RealizedChartView(
            months.Select(m => new DateOnly(m.Year, m.Month, 1).ToString("MMM yyyy", culture)).ToList(),
            months.Select(Realized).ToList(),
            months.Select(Projected).ToList(),
            summary, culture.Name, format.CurrencyCode);
    }

    private static HorizonEvidenceView Evidence(FigureFormat format, EvidenceSplit split, YearMonth? through)
    {
        string Money(decimal v) => format.Format(v, FigureUnit.Money);
        return new HorizonEvidenceView(
            Money(split.Measured + split.Modelled + split.Assumed), Money(split.Measured), Money(split.Modelled), Money(split.Assumed),
            Money(split.Hard), Money(split.Soft),
            through is { } t ? RoxBoardService.MonthLabel(t, format.Culture) : null);
    }
}
