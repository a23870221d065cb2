using CxDashboard.Core.Board;
using CxDashboard.Core.Gates;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Gates;

/// <summary>One initiative tracked against its plan as of a month.</summary>
/// <param name="Initiative">The stored initiative.</param>
/// <param name="Start">Its start month.</param>
/// <param name="Realized">Risk-adjusted value realized in each month from its start to the as-of month; a month in which a driver's KPI has no data is left out.</param>
/// <param name="Projected">The base scenario's risk-adjusted value in each month of its horizon; empty when it cannot be projected.</param>
/// <param name="ProjectionNotApplicable">Why the base scenario cannot be projected; null when it can.</param>
/// <param name="Gates">Its three gates, judged as of the month.</param>
/// <param name="ToDate">Realized against projected from its start to the as-of month; null before it starts.</param>
/// <param name="Lineage">How the projection was set up, one line per driver.</param>
internal sealed record TrackedInitiative(
    Initiative Initiative,
    YearMonth Start,
    IReadOnlyDictionary<YearMonth, decimal> Realized,
    IReadOnlyDictionary<YearMonth, decimal> Projected,
    string? ProjectionNotApplicable,
    IReadOnlyList<GateReading> Gates,
    ValueComparison? ToDate,
    IReadOnlyList<string> Lineage);

/// <summary>
/// Realized value and the base scenario's projection of initiatives, month by month, and their review gates
/// (FORMULAS.md §7): realized value comes from the same drivers, actuals and pricing as the board (Core's
/// <see cref="RoxBoardCalculator"/> over the initiative alone), the projection from <see cref="ScenarioCalculator"/>.
/// </summary>
public sealed class InitiativeTracking(RoxBoardService board, GatePlans plans)
{
    internal Task<IReadOnlyList<TrackedInitiative>> TrackAsync(
        IReadOnlyList<Initiative> initiatives, YearMonth asOf, FigureFormat format, CancellationToken cancellationToken) =>
        TrackAsync(initiatives, asOf, format, realized: null, cancellationToken);

    /// <summary>
    /// The initiatives tracked as of <paramref name="asOf"/>, on <paramref name="realized"/> when the board has just priced
    /// the same initiatives for the same month and reader (one per initiative, in their order; null: priced here).
    /// </summary>
    internal async Task<IReadOnlyList<TrackedInitiative>> TrackAsync(
        IReadOnlyList<Initiative> initiatives, YearMonth asOf, FigureFormat format, IReadOnlyList<InitiativeInputs>? realized,
        CancellationToken cancellationToken)
    {
        if (realized is not null && realized.Count != initiatives.Count)
            throw new ArgumentException($"{realized.Count} priced initiatives were handed for {initiatives.Count} initiatives.", nameof(realized));
        var inputs = realized ?? await board.InitiativeInputsAsync(initiatives, asOf, cancellationToken);
        var planned = await plans.PlanAsync(initiatives, inputs, asOf, StoreActor.Current?.PartnerId is not null, format, cancellationToken);
        return initiatives.Select((initiative, i) => Track(initiative, inputs[i], planned[i], asOf)).ToList();
    }

    private static TrackedInitiative Track(Initiative initiative, InitiativeInputs inputs, GatePlan plan, YearMonth asOf)
    {
        var start = inputs.Start;
        var projection = ScenarioCalculator.Project(plan.Plan, ScenarioKind.Base);
        var projected = projection.NotApplicableReason is null
            ? projection.Months.ToDictionary(m => m.Month, m => m.Gains)
            : new Dictionary<YearMonth, decimal>();
        var realized = Realized(inputs, asOf);
        var sourceOfRealized = $"{initiative.Name}: its value drivers priced on the measured KPIs, risk-adjusted";
        var sourceOfProjection = $"{initiative.Name}: base scenario (each driver from baseline to target), risk-adjusted";

        var gates = ReviewGateEvaluator.EvaluateAll(start, asOf, realized, projected, sourceOfRealized, sourceOfProjection);
        ValueComparison? toDate = start <= asOf
            ? ValueTracking.Compare(start, asOf, realized, projected, sourceOfRealized, sourceOfProjection)
            : null;
        if (projection.NotApplicableReason is { } why)
        {
            // A projection that cannot be made is the reason a due gate cannot be judged, not the months it lacks.
            var reason = $"The base scenario cannot be projected: {why}";
            gates = gates.Select(g => g.Status == GateStatus.Pending ? g
                : g with { Status = GateStatus.NotApplicable, Attainment = g.Attainment with { Value = null, NotApplicableReason = reason } }).ToList();
            if (toDate is not null)
                toDate = toDate with { Status = GateStatus.NotApplicable, Attainment = toDate.Attainment with { Value = null, NotApplicableReason = reason } };
        }

        return new TrackedInitiative(initiative, start, realized, projected, projection.NotApplicableReason, gates, toDate, plan.Lineage);
    }

    /// <summary>
    /// The initiative's realized value per month as the board prices it, from its start to <paramref name="asOf"/>. A month
    /// in which one of its drivers' KPIs has no data is left out, so that a gate spanning it says so instead of reading 0.
    /// </summary>
    private static Dictionary<YearMonth, decimal> Realized(InitiativeInputs inputs, YearMonth asOf)
    {
        if (inputs.Start > asOf) return [];
        var computed = RoxBoardCalculator.Compute(new BoardInputs(asOf, inputs.Start, [inputs], []));
        return computed.Series
            .Where(m => m.Month >= inputs.Start && inputs.Drivers.All(d => d.Spec.Type == ValueDriverType.ManualAmount
                || d.Actuals.TryGetValue(m.Month, out var actual) && actual.HasValue))
            .ToDictionary(m => m.Month, m => m.Gains);
    }
}
