using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Initiatives;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;

namespace CxDashboard.Web.Board;

/// <summary>
/// The board's one application service: loads the month's inputs through Data, computes the board through
/// Core and writes every figure for the organisation's culture. The page shows what this returns.
/// </summary>
public sealed class RoxBoardService(MeasurementQueries measurements, OrganisationQueries organisation, ExperimentQueries experiments)
{
    /// <summary>The KPIs the board shows as tiles, in order.</summary>
    public static IReadOnlyList<string> TileKpis { get; } =
        [KpiCatalog.Cpc, KpiCatalog.Fcr, KpiCatalog.Aht, KpiCatalog.Csat, KpiCatalog.Nps, KpiCatalog.Clv, KpiCatalog.Churn];

    /// <summary>The months the store has data for, oldest first.</summary>
    public Task<IReadOnlyList<YearMonth>> MonthsAsync(CancellationToken cancellationToken = default) =>
        measurements.MonthsWithDataAsync(cancellationToken);

    /// <summary>The organisation's name and the culture its figures are written in, for the app bar.</summary>
    public async Task<(string Name, CultureInfo Culture)> OrganisationAsync(CancellationToken cancellationToken = default)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        return (settings.OrganisationName, new FigureFormat(settings.Culture, settings.Currency).Culture);
    }

    /// <summary>The board for <paramref name="month"/>; a board with <see cref="BoardView.HasData"/> false when the month has no data.</summary>
    public async Task<BoardView> GetAsync(YearMonth month, CancellationToken cancellationToken = default) =>
        (await LoadAsync(month, cancellationToken)).View;

    /// <summary>
    /// The board for <paramref name="month"/> as <see cref="GetAsync"/> writes it, with the computation behind it (null
    /// when the month has no data), for a page that hands the computation on to a section it would otherwise repeat.
    /// </summary>
    public async Task<(BoardView View, ComputedBoard? Computed)> LoadAsync(YearMonth month, CancellationToken cancellationToken = default)
    {
        if (await ComputeAsync(month, TileKpis, cancellationToken) is not { } computed)
        {
            var settings = await organisation.SettingsAsync(cancellationToken);
            var culture = new FigureFormat(settings.Culture, settings.Currency).Culture;
            return (BoardView.NoData(settings.OrganisationName, month.ToString(), MonthLabel(month, culture)), null);
        }

        var view = new BoardWriter(computed.Format).Write(computed.Settings.OrganisationName, computed.Board, computed.MonthLabel) with
        {
            PartnerScope = await PartnerScopeAsync(cancellationToken),
        };
        return (view, computed);
    }

    /// <summary>
    /// The board for <paramref name="month"/> as Core computes it, with tiles for <paramref name="tileKpis"/>, before it is
    /// written for a reader: for pages and exports that need the numbers or other KPIs than the board's tiles.
    /// Null when the month has no data.
    /// </summary>
    public Task<ComputedBoard?> ComputeAsync(YearMonth month, IReadOnlyList<string> tileKpis, CancellationToken cancellationToken = default) =>
        ComputeAsync(month, tileKpis, tileSums: null, cancellationToken);

    /// <summary>
    /// <see cref="ComputeAsync(YearMonth, IReadOnlyList{string}, CancellationToken)"/> with the tiles' sums taken from
    /// <paramref name="tileSums"/>, a read the caller makes anyway (the KPI pages read months of every KPI they show),
    /// instead of reading them again. It must hold the tile KPIs' sums for the month and the month before over the
    /// whole organisation as the reader may see it; it is awaited when the tiles are built, so the caller's read and
    /// the board's own run side by side.
    /// </summary>
    public async Task<ComputedBoard?> ComputeAsync(
        YearMonth month, IReadOnlyList<string> tileKpis, Task<IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums>>? tileSums,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tileKpis);
        if (!await measurements.HasDataAsync(month, cancellationToken) || await measurements.FirstMonthAsync(cancellationToken) is not { } firstData)
            return null;

        // Settings, KPIs, dimensions, initiatives and baselines: small reads, on one connection.
        var snapshot = await organisation.SnapshotAsync(cancellationToken);
        var settings = snapshot.Settings;
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var kpis = snapshot.Kpis.ToDictionary(k => k.Id);
        // A proposed initiative has neither spent nor delivered anything yet: it belongs to the business case, not the board.
        // An archived one is kept with its history, off the board.
        var initiatives = snapshot.Initiatives.Where(i => i.Status != InitiativeStatus.Proposed && i.ArchivedUtc is null).ToList();
        // The value chart starts when the first initiative did: months before it hold no value to draw.
        var firstStart = initiatives.Count == 0 ? month : YearMonth.FromKey(initiatives.Min(i => i.StartMonth));
        var realized = await InitiativePlans.RealizedAsync(measurements, initiatives, month, snapshot.Dimensions, cancellationToken);
        var experimentInputs = await ExperimentInputsAsync(initiatives, cancellationToken);
        var inputs = new BoardInputs(
            month,
            firstStart > firstData ? firstStart : firstData,
            realized,
            await TileInputsAsync(kpis, snapshot.Baselines, tileKpis, month, tileSums, cancellationToken),
            settings.DefaultDiscountRate,
            experimentInputs);
        return new ComputedBoard(settings, format, MonthLabel(month, format.Culture), RoxBoardCalculator.Compute(inputs),
            new BoardReads(snapshot, initiatives, realized, experimentInputs));
    }

    /// <summary>The partner a partner-scoped reader is limited to, by name; null for the organisation's own users.</summary>
    private async Task<string?> PartnerScopeAsync(CancellationToken cancellationToken) =>
        StoreActor.Current?.PartnerId is { } partner
            ? (await organisation.DimensionsAsync(cancellationToken)).Partners.FirstOrDefault(p => p.Id == partner)?.Name ?? "one partner"
            : null;

    /// <summary>The initiatives as Core's board inputs, each driver with its monthly actuals over its scope; the partner comparison reads them too.</summary>
    internal async Task<IReadOnlyList<InitiativeInputs>> InitiativeInputsAsync(
        IReadOnlyList<Initiative> initiatives, YearMonth month, CancellationToken cancellationToken)
    {
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        return await InitiativePlans.RealizedAsync(measurements, initiatives, month, dimensions, cancellationToken);
    }

    /// <summary>
    /// The holdout experiments the reader may see, for Core to count those that are significant or included by choice
    /// (each under its initiative's name when that initiative is on the board); the partner comparison reads them too.
    /// </summary>
    internal async Task<IReadOnlyList<ExperimentInputs>> ExperimentInputsAsync(IReadOnlyList<Initiative> initiatives, CancellationToken cancellationToken)
    {
        var names = initiatives.ToDictionary(i => i.Id, i => i.Name);
        return (await experiments.ExperimentsAsync(cancellationToken))
            .Select(e => Experiments.ExperimentAnalysis.BoardInput(e, e.InitiativeId is { } id ? names.GetValueOrDefault(id) : null))
            .ToList();
    }

    private async Task<IReadOnlyList<KpiTileInputs>> TileInputsAsync(
        IReadOnlyDictionary<int, Kpi> kpis, IReadOnlyDictionary<int, Baseline> baselines, IReadOnlyList<string> tileKpis, YearMonth month,
        Task<IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums>>? tileSums, CancellationToken cancellationToken)
    {
        var previous = month.AddMonths(-1);
        var byCode = kpis.Values.ToDictionary(k => k.Code, StringComparer.OrdinalIgnoreCase);
        // Only the tiles' KPIs, their two months as a range: the database reads them from the "one KPI, all months" index alone.
        var tileIds = tileKpis.Where(byCode.ContainsKey).Select(code => byCode[code].Id).ToList();
        var sums = tileSums is not null ? await tileSums
            : await measurements.SumsByKpiAsync(tileIds, previous, month, MeasurementScope.All, cancellationToken);
        var tiles = new List<KpiTileInputs>();
        foreach (var code in tileKpis)
        {
            if (!byCode.TryGetValue(code, out var kpi)) continue;
            var definition = kpi.ToDefinition();
            KpiAggregate Rollup(YearMonth m) =>
                KpiRollup.Combine(definition.Aggregation, sums.TryGetValue((kpi.Id, m), out var s) ? s : MeasurementSums.Empty);
            baselines.TryGetValue(kpi.Id, out var baseline);
            tiles.Add(new KpiTileInputs(definition, Rollup(month), Rollup(previous), baseline?.Value, baseline?.Target));
        }

        return tiles;
    }

    /// <summary>"October 2026" in the organisation's culture.</summary>
    public static string MonthLabel(YearMonth month, CultureInfo culture) =>
        new DateOnly(month.Year, month.Month, 1).ToString("MMMM yyyy", culture);
}

/// <summary>A month's board as Core computed it, with the organisation settings and format it is to be written in.</summary>
/// <param name="Settings">The organisation's settings.</param>
/// <param name="Format">How its figures are written.</param>
/// <param name="MonthLabel">The month as a reader says it.</param>
/// <param name="Board">The computed board.</param>
/// <param name="Reads">What the board read to compute it, for the sections of the same page that start from the same reads.</param>
public sealed record ComputedBoard(OrganisationSettings Settings, FigureFormat Format, string MonthLabel, RoxBoard Board, BoardReads Reads);

/// <summary>
/// What <see cref="RoxBoardService"/> read for a month's board, as the reader may see it: the sections of the board page
/// that start from the same organisation, initiatives and driver months (the pack's tracking, the partner comparison)
/// take them from here instead of reading them again, so one board load reads them once and every section of the page
/// shows the same reads.
/// </summary>
/// <param name="Organisation">The settings, KPIs, dimensions, initiatives and baselines.</param>
/// <param name="Initiatives">The board's initiatives: neither proposed nor archived, in the snapshot's order.</param>
/// <param name="Realized">Each of <paramref name="Initiatives"/> as Core prices it, in the same order, with its drivers' months to the board's month.</param>
/// <param name="Experiments">The holdout experiments the reader may see, as the board counts them.</param>
public sealed record BoardReads(
    OrganisationSnapshot Organisation, IReadOnlyList<Initiative> Initiatives, IReadOnlyList<InitiativeInputs> Realized,
    IReadOnlyList<ExperimentInputs> Experiments);

/// <summary>
/// A board's computation handed from the page that made it to one section that needs it too (the board pack's, the
/// partner comparison's: each is given a holder of its own), taken once: the page's render tree keeps this holder, not
/// the computation, so an open circuit does not hold the board's numbers or reads after the section is written.
/// </summary>
public sealed class ComputedBoardHandOff(YearMonth month, ComputedBoard? computed)
{
    private ComputedBoard? _computed = computed;

    /// <summary>The computation for <paramref name="wanted"/>, once; null after that, or for another month.</summary>
    public ComputedBoard? Take(YearMonth wanted) =>
        wanted == month ? Interlocked.Exchange(ref _computed, null) : null;
}
