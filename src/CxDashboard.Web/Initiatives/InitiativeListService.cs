using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.Gates;
using CxDashboard.Core.Money;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// The initiatives list's application service: each initiative with its owner, start and status, the base scenario's
/// ROX, NPV and payback over its horizon (Core's <see cref="ScenarioCalculator"/>), and its next review gate with how it
/// stands there (Core's <see cref="ReviewGateSchedule"/> and <see cref="ReviewGateEvaluator"/>: realized value, priced
/// as the board prices it, against the base scenario's projection over the gate's span).
/// </summary>
public sealed class InitiativeListService(
    InitiativeQueries initiatives, InitiativePlans plans, OrganisationQueries organisation, AccessGuard guard)
{
    /// <summary>The list, archived initiatives included when <paramref name="includeArchived"/>; gates judged as of <paramref name="asOf"/> (null: no data yet).</summary>
    public async Task<InitiativeListView> ListAsync(bool includeArchived, YearMonth? asOf, CancellationToken cancellationToken = default)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var user = await guard.UserAsync();
        var partnerReader = CxClaims.PartnerOf(user) is not null;
        var dimensions = await organisation.DimensionsAsync(cancellationToken);

        var rows = new List<InitiativeRow>();
        foreach (var initiative in await initiatives.ListAsync(includeArchived, cancellationToken))
        {
            var planned = await plans.PlanAsync(initiative, cancellationToken);
            var projection = ScenarioCalculator.Project(planned.Plan, ScenarioKind.Base);
            var start = YearMonth.FromKey(initiative.StartMonth);
            rows.Add(new InitiativeRow(
                initiative.Id,
                initiative.Version,
                initiative.Name,
                InitiativeWords.Type(initiative.Type),
                initiative.Owner,
                KpiWords.ShortMonth(start, format.Culture),
                initiative.StartMonth,
                initiative.Status,
                initiative.ArchivedUtc is { } archived ? "Archived " + archived.ToString("d MMM yyyy", format.Culture) : null,
                partnerReader ? null : FigureView.Of(format, "rox", projection.Rox, "Return on experience over the horizon, base scenario", ToneOf(projection.Rox.Value, 100m)),
                partnerReader ? null : FigureView.Of(format, "npv", projection.Npv, "Net present value of the base scenario", ToneOf(projection.Npv.Value, 0m)),
                partnerReader ? null : FigureView.Of(format, "payback", projection.Payback, "Months from the first cost until the base scenario pays back", FigureTone.Neutral),
                await NextGateAsync(initiative, projection, asOf, dimensions, format, cancellationToken)));
        }

        return new InitiativeListView(
            rows,
            user.IsInRole(CxRoles.Editor) && !partnerReader,
            includeArchived,
            await initiatives.ArchivedCountAsync(cancellationToken),
            asOf is { } month ? RoxBoardService.MonthLabel(month, format.Culture) : null,
            partnerReader
                ? "ROX, NPV and payback are not shown to partner users: they set value against the organisation's costs, which are not shared with partners."
                : null,
            format.Culture);
    }

    private async Task<NextGateView> NextGateAsync(
        Initiative initiative, ScenarioProjection projection, YearMonth? asOf, Dimensions dimensions, FigureFormat format, CancellationToken cancellationToken)
    {
        var culture = format.Culture;
        var start = YearMonth.FromKey(initiative.StartMonth);
        var decisions = initiative.GateDecisions.OrderBy(d => d.DecidedUtc).ToList();
        if (decisions.LastOrDefault(d => d.Outcome == GateOutcome.Stop) is { } stop)
            return new NextGateView("Stopped", $"stopped at the {InitiativeWords.Gate(stop.Gate)} gate on {stop.DecidedUtc.ToString("d MMM yyyy", culture)}", null, "No gate left: stopped", null);

        var next = ReviewGateSchedule.For(start).FirstOrDefault(g => decisions.All(d => d.Gate != g.Kind));
        if (next is null)
        {
            var last = decisions[^1];
            return new NextGateView("All gates decided", $"{InitiativeWords.Outcome(last.Outcome).ToLowerInvariant()} at the {InitiativeWords.Gate(last.Gate)} gate on {last.DecidedUtc.ToString("d MMM yyyy", culture)}", null, "No gate left", null);
        }

        var name = $"{InitiativeWords.Gate(next.Kind)} gate";
        var due = KpiWords.ShortMonth(next.LastMonth, culture);
        if (asOf is not { } month || next.LastMonth > month)
            return new NextGateView(name, $"due after {due}", GateStatus.Pending, InitiativeWords.Standing(GateStatus.Pending), null);

        var reading = await ReadAsync(initiative, next, projection, month, dimensions, cancellationToken);
        var tone = reading.Status switch
        {
            GateStatus.OnTrack => FigureTone.Positive,
            GateStatus.OffTrack => FigureTone.Negative,
            _ => FigureTone.Neutral,
        };
        return new NextGateView(
            name,
            $"due since {due}",
            reading.Status,
            $"{InitiativeWords.Standing(reading.Status)} · awaiting a decision",
            FigureView.Of(format, "gate", reading.Attainment, $"Realized value against the base scenario over months 1 to {next.Months}", tone));
    }

    /// <summary>The gate judged: realized value by month, priced as the board prices it, against the base projection.</summary>
    private async Task<GateReading> ReadAsync(
        Initiative initiative, ReviewGate gate, ScenarioProjection projection, YearMonth asOf, Dimensions dimensions, CancellationToken cancellationToken)
    {
        if (projection.NotApplicableReason is { } reason)
        {
            var empty = ReviewGateEvaluator.Evaluate(gate, asOf, 0m, 0m);
            return empty with { Status = GateStatus.NotApplicable, Attainment = empty.Attainment with { Value = null, NotApplicableReason = reason } };
        }

        var inputs = await plans.RealizedAsync(initiative, asOf, dimensions, cancellationToken);
        var board = RoxBoardCalculator.Compute(new BoardInputs(asOf, inputs.Start, [inputs], [], initiative.DiscountRate));
        var realized = board.Series.ToDictionary(m => m.Month, m => m.Gains);
        var projected = projection.Months.ToDictionary(m => m.Month, m => m.Gains);
        var start = YearMonth.FromKey(initiative.StartMonth);
        var readings = ReviewGateEvaluator.EvaluateAll(
            start, asOf, realized, projected,
            string.Create(CultureInfo.InvariantCulture, $"{initiative.Name}, value drivers against their measured KPIs, risk-adjusted, {gate.FirstMonth} to {gate.LastMonth}"),
            string.Create(CultureInfo.InvariantCulture, $"{initiative.Name}, base scenario, risk-adjusted, {gate.FirstMonth} to {gate.LastMonth}"));
        return readings.First(r => r.Gate.Kind == gate.Kind);
    }

    private static FigureTone ToneOf(decimal? value, decimal breakEven) =>
        value is not { } v ? FigureTone.Neutral : v > breakEven ? FigureTone.Positive : v < breakEven ? FigureTone.Negative : FigureTone.Neutral;
}
