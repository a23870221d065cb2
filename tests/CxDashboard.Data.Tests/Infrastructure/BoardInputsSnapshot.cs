using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;

namespace CxDashboard.Data.Tests.Infrastructure;

internal sealed record CostSnapshot(
    string Name, CostCategory Category, CostNature Nature, CostRecurrence Recurrence,
    decimal Amount, int StartMonth, int? EndMonth, decimal Risk);

internal sealed record DriverSnapshot(
    string Name, ValueDriverType Type, ValueFactor Factor, bool IsHard, decimal Risk, DriverParameters Parameters,
    string Kpi, string? Channel, string? Partner, string? Segment,
    double BaselineValue, int PeriodStart, int PeriodEnd, double? Target, int? TargetMonth,
    IReadOnlyDictionary<YearMonth, MeasurementSums> Sums);

internal sealed record InitiativeSnapshot(
    string Name, int StartMonth, int HorizonMonths, decimal DiscountRate, InitiativeStatus Status,
    IReadOnlyList<CostSnapshot> Costs, IReadOnlyList<DriverSnapshot> Drivers);

internal sealed record OrganisationBaselineSnapshot(double Value, int PeriodStart, int PeriodEnd, double? Target, int? TargetMonth);

/// <summary>
/// Everything the ROX board loads for one month, read through the same queries its application service calls,
/// keyed by codes instead of ids so that two providers compare: the tile sums for the month and the one
/// before over the whole organisation, every initiative with its costs and drivers (each with its baseline
/// and the driver's sums from the initiative's start to the month, in the baseline's scope), and the
/// organisation's baselines.
/// </summary>
internal sealed record BoardInputsSnapshot(
    IReadOnlyDictionary<(string Kpi, YearMonth Month), MeasurementSums> TileSums,
    IReadOnlyList<InitiativeSnapshot> Initiatives,
    IReadOnlyDictionary<string, OrganisationBaselineSnapshot> OrganisationBaselines)
{
    // Records compare lists by reference: scalar fields are compared with the lists set to these.
    private static readonly IReadOnlyList<CostSnapshot> NoCosts = [];
    private static readonly IReadOnlyList<DriverSnapshot> NoDrivers = [];
    private static readonly IReadOnlyDictionary<YearMonth, MeasurementSums> NoSums = new Dictionary<YearMonth, MeasurementSums>();

    public static async Task<BoardInputsSnapshot> ReadAsync(IServiceProvider services, YearMonth month)
    {
        var organisation = services.Organisation();
        var measurements = services.Measurements();
        var kpis = (await organisation.KpisAsync()).ToDictionary(k => k.Id, k => k.Code);
        var dimensions = await organisation.DimensionsAsync();
        string? Channel(int? id) => id is null ? null : dimensions.Channels.Single(c => c.Id == id).Code;
        string? Partner(int? id) => id is null ? null : dimensions.Partners.Single(p => p.Id == id).Code;
        string? Segment(int? id) => id is null ? null : dimensions.Segments.Single(s => s.Id == id).Code;

        var tileSums = (await measurements.SumsByKpiAsync([month, month.AddMonths(-1)], MeasurementScope.All))
            .ToDictionary(kv => (kpis[kv.Key.KpiId], kv.Key.Month), kv => kv.Value);

        var initiatives = new List<InitiativeSnapshot>();
        foreach (var initiative in await organisation.InitiativesAsync())
        {
            var start = YearMonth.FromKey(initiative.StartMonth);
            var drivers = new List<DriverSnapshot>();
            foreach (var driver in initiative.ValueDrivers.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                var baseline = driver.Baseline!;
                var scope = MeasurementScope.Of(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId);
                var sums = await measurements.SumsByMonthAsync(baseline.KpiId, start, month, scope);
                drivers.Add(new DriverSnapshot(
                    driver.Name, driver.Type, driver.Factor, driver.IsHard, driver.Risk, driver.Parameters,
                    baseline.Kpi!.Code, Channel(baseline.ChannelId), Partner(baseline.PartnerId), Segment(baseline.SegmentId),
                    baseline.Value, baseline.PeriodStart, baseline.PeriodEnd, baseline.Target, baseline.TargetMonth, sums));
            }

            var costs = initiative.CostItems
                .Select(c => new CostSnapshot(c.Name, c.Category, c.Nature, c.Recurrence, c.Amount, c.StartMonth, c.EndMonth, c.Risk))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
            initiatives.Add(new InitiativeSnapshot(
                initiative.Name, initiative.StartMonth, initiative.HorizonMonths, initiative.DiscountRate, initiative.Status, costs, drivers));
        }

        var organisationBaselines = (await organisation.OrganisationBaselinesAsync())
            .ToDictionary(kv => kpis[kv.Key], kv => new OrganisationBaselineSnapshot(
                kv.Value.Value, kv.Value.PeriodStart, kv.Value.PeriodEnd, kv.Value.Target, kv.Value.TargetMonth));

        return new BoardInputsSnapshot(tileSums, initiatives, organisationBaselines);
    }

    /// <summary>
    /// Asserts <paramref name="actual"/> holds the same inputs: every stored value exactly, every sum the
    /// database computed to <paramref name="relativeTolerance"/> (two databases may add in a different order).
    /// </summary>
    public static void AssertSame(BoardInputsSnapshot expected, BoardInputsSnapshot actual, double relativeTolerance)
    {
        Assert.Equal(expected.TileSums.Keys.Order(), actual.TileSums.Keys.Order());
        foreach (var (key, sums) in expected.TileSums)
            AssertClose(sums, actual.TileSums[key], relativeTolerance, $"{key.Kpi} {key.Month}");

        Assert.Equal(expected.Initiatives.Select(i => i.Name), actual.Initiatives.Select(i => i.Name));
        foreach (var (e, a) in expected.Initiatives.Zip(actual.Initiatives))
        {
            Assert.Equal(e with { Costs = NoCosts, Drivers = NoDrivers }, a with { Costs = NoCosts, Drivers = NoDrivers });
            Assert.Equal(e.Costs, a.Costs);
            Assert.Equal(e.Drivers.Count, a.Drivers.Count);
            foreach (var (ed, ad) in e.Drivers.Zip(a.Drivers))
            {
                Assert.Equal(ed with { Sums = NoSums }, ad with { Sums = NoSums });
                Assert.Equal(ed.Sums.Keys.Order(), ad.Sums.Keys.Order());
                foreach (var (month, sums) in ed.Sums)
                    AssertClose(sums, ad.Sums[month], relativeTolerance, $"{e.Name} / {ed.Name} {month}");
            }
        }

        Assert.Equal(expected.OrganisationBaselines.OrderBy(kv => kv.Key, StringComparer.Ordinal),
            actual.OrganisationBaselines.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static void AssertClose(MeasurementSums expected, MeasurementSums actual, double relativeTolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        AssertClose(expected.SumValue, actual.SumValue, relativeTolerance, $"{what} Σvalue");
        AssertClose(expected.SumNumerator, actual.SumNumerator, relativeTolerance, $"{what} Σnumerator");
        AssertClose(expected.SumDenominator, actual.SumDenominator, relativeTolerance, $"{what} Σdenominator");
        AssertClose(expected.SumWeightedValue, actual.SumWeightedValue, relativeTolerance, $"{what} Σvalue×weight");
        AssertClose(expected.SumWeight, actual.SumWeight, relativeTolerance, $"{what} Σweight");
    }

    public static void AssertClose(double expected, double actual, double relativeTolerance, string what)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= relativeTolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R} (relative tolerance {relativeTolerance}).");
    }
}
