using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Partners;

/// <summary>
/// The partner comparison's application service: each partner's KPIs for a month with their change and 12-month
/// trend, rolled up from the store's sums over the partner's channels and segments (FORMULAS.md §5, never an average
/// of rates), and each partner's value, cost and ROX to date as Core attributes the board's drivers and costs
/// (<see cref="PartnerAttributionCalculator"/>). A partner user's store shows only their partner and no costs: their
/// ROX is withheld, and the view says why.
/// </summary>
public sealed class PartnerComparisonService(
    OrganisationQueries organisation, MeasurementQueries measurements, RoxBoardService board)
{
    /// <summary>How many months the trends show, the selected one last.</summary>
    public const int TrendMonths = 12;

    /// <summary>The KPIs partners are compared on, in order.</summary>
    public static IReadOnlyList<string> ComparedKpis { get; } =
        [KpiCatalog.Cpc, KpiCatalog.Fcr, KpiCatalog.Aht, KpiCatalog.Csat, KpiCatalog.Complaints];

    /// <summary>The comparison for <paramref name="month"/>; <see cref="PartnerComparisonView.HasData"/> is false when the month has no data.</summary>
    public Task<PartnerComparisonView> GetAsync(YearMonth month, CancellationToken cancellationToken = default) =>
        GetAsync(month, computedBoard: null, cancellationToken);

    /// <summary>
    /// The comparison for <paramref name="month"/>, on what <paramref name="computedBoard"/> read when the board page has
    /// just computed the month's board for the same reader (null: read here).
    /// </summary>
    public async Task<PartnerComparisonView> GetAsync(YearMonth month, ComputedBoard? computedBoard, CancellationToken cancellationToken = default)
    {
        var reads = computedBoard?.Reads;
        var settings = computedBoard?.Settings ?? await organisation.SettingsAsync(cancellationToken);
        var format = computedBoard?.Format ?? new FigureFormat(settings.Culture, settings.Currency);
        var dimensions = reads?.Organisation.Dimensions ?? await organisation.DimensionsAsync(cancellationToken);
        var readerPartner = StoreActor.Current?.PartnerId is { } own
            ? dimensions.Partners.FirstOrDefault(p => p.Id == own)?.Name ?? "one partner"
            : null;
        var monthLabel = RoxBoardService.MonthLabel(month, format.Culture);
        // A computed board is a month with data.
        if (reads is null && !await measurements.HasDataAsync(month, cancellationToken))
            return PartnerComparisonView.NoData(month.ToString(), monthLabel, readerPartner);

        var kpis = (reads?.Organisation.Kpis ?? await organisation.KpisAsync(cancellationToken)).ToDictionary(k => k.Code, StringComparer.OrdinalIgnoreCase);
        var compared = ComparedKpis.Where(kpis.ContainsKey).Select(c => kpis[c]).ToList();
        var first = month.AddMonths(1 - TrendMonths);
        var sums = await measurements.SumsByPartnerAsync(compared.Select(k => k.Id).ToList(), first, month, cancellationToken);

        // As the board: a proposed initiative has neither spent nor delivered anything yet, and an archived one is off it.
        var initiatives = reads?.Initiatives ?? (await organisation.InitiativesAsync(cancellationToken))
            .Where(i => i.Status != InitiativeStatus.Proposed && i.ArchivedUtc is null).ToList();
        var realized = reads?.Realized ?? await board.InitiativeInputsAsync(initiatives, month, cancellationToken);
        var attribution = PartnerAttributionCalculator.Compute(await AttributionInputsAsync(month, initiatives, realized, dimensions.Partners, cancellationToken));
        // Holdout tests measure their lift over their whole eligible population, not on any partner's contacts: the board
        // counts their money, and no partner's row does.
        var holdouts = RoxBoardCalculator.Experiments(reads?.Experiments ?? await board.ExperimentInputsAsync(initiatives, cancellationToken), month)
            .Where(e => e.IsCounted).ToList();
        var writer = new PartnerWriter(format, RoxWithheld(readerPartner));
        return writer.Write(month, monthLabel, first, compared, dimensions.Partners, sums, attribution, holdouts, readerPartner);
    }

    /// <summary>Why a partner reader sees no ROX; null for the organisation's own users.</summary>
    private static string? RoxWithheld(string? readerPartner) => readerPartner is null
        ? null
        : $"ROX is not shown: it divides value by the CX investment behind it, and the organisation's costs are not shared with partner users. " +
          $"The value here is priced on {readerPartner}'s own contacts against each initiative's baseline; the organisation's comparison shares " +
          "value measured over all partners by each partner's volume, so its figure for you can differ.";

    /// <summary>
    /// The board's initiatives (as <see cref="RoxBoardService"/> maps them, <paramref name="realized"/>) with whose work each
    /// is and, for every driver scoped to all partners, each partner's volume of its KPI per month over the driver's
    /// channel and segment, read for all such drivers together.
    /// </summary>
    private async Task<PartnerAttributionInputs> AttributionInputsAsync(
        YearMonth month, IReadOnlyList<Initiative> initiatives, IReadOnlyList<InitiativeInputs> realized, IReadOnlyList<Partner> partners,
        CancellationToken cancellationToken)
    {
        // The drivers shared by partners' volume: scoped to all partners, in an initiative started by the month.
        var shared = initiatives
            .Where(i => YearMonth.FromKey(i.StartMonth) <= month)
            .SelectMany(i => i.ValueDrivers.Where(d => d.Baseline!.PartnerId is null).Select(d => (Initiative: i, Driver: d)))
            .ToList();
        var sums = await measurements.SumsByPartnerAndMonthAsync(
            shared.Select(s => new KpiMonths(s.Driver.Baseline!.KpiId, YearMonth.FromKey(s.Initiative.StartMonth), month,
                MeasurementScope.Of(s.Driver.Baseline.ChannelId, null, s.Driver.Baseline.SegmentId))).ToList(),
            cancellationToken);
        var volumesOf = new Dictionary<ValueDriver, IReadOnlyDictionary<(int PartnerId, YearMonth Month), double>>(ReferenceEqualityComparer.Instance);
        var known = partners.Select(p => p.Id).ToHashSet();
        for (var n = 0; n < shared.Count; n++)
        {
            var aggregation = shared[n].Driver.Baseline!.Kpi!.Aggregation;
            volumesOf[shared[n].Driver] = sums[n]
                .Where(kv => known.Contains(kv.Key.PartnerId))
                .ToDictionary(kv => kv.Key, kv => KpiRollup.Combine(aggregation, kv.Value).Volume);
        }

        var result = new List<PartnerInitiative>(initiatives.Count);
        for (var n = 0; n < initiatives.Count; n++)
        {
            var volumes = initiatives[n].ValueDrivers
                .Select(d => volumesOf.GetValueOrDefault(d) ?? new Dictionary<(int PartnerId, YearMonth Month), double>())
                .ToList();
            result.Add(new PartnerInitiative(realized[n], WorkOf(initiatives[n].Type), volumes));
        }

        return new PartnerAttributionInputs(month, partners.Select(p => new PartnerRef(p.Id, p.Name)).ToList(), result);
    }

    /// <summary>Whose work an initiative's value is: AI agents and agent assist are AI tooling, outsourcing a channel is the partner's.</summary>
    public static WorkKind WorkOf(InitiativeType type) => type switch
    {
        InitiativeType.AiAgent or InitiativeType.AgentAssist => WorkKind.AiTooling,
        InitiativeType.ChannelOutsourcing => WorkKind.Partner,
        _ => WorkKind.Internal,
    };
}
