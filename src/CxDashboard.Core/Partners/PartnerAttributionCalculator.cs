using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Partners;

/// <summary>
/// Attributes the board's value and cost to partners, and splits each partner's value by whose work it comes from
/// (partner, AI tooling, internal). Every figure of the partner comparison's returns comes from here.
/// </summary>
public static class PartnerAttributionCalculator
{
    /// <summary>
    /// The definition, month by month from the board's period start (the first month any initiative has cost or value)
    /// to the selected month:
    /// <list type="number">
    /// <item>Each driver is priced as the board prices it (risk-adjusted, from its initiative's start), and the board's
    /// double-counting guard (<see cref="DoubleCounting.Adjust"/>) decides what of it counts, over all drivers together:
    /// where drivers of several initiatives claim the same change, the one it keeps is the one whose work the value is.</item>
    /// <item>A driver whose scope names a partner is all that partner's. A driver scoped to all partners is shared by each
    /// partner's share of the KPI's volume over the driver's scope that month: partner volume ÷ the volume the driver was
    /// priced on (contacts, responses, customers). What no partner's volume covers (a KPI not measured by partner, rows
    /// without a partner, a month without volume) is attributed to no partner.</item>
    /// <item>A partner's value = Σ over drivers and months of the driver's counted money × the partner's share; the value
    /// split adds it up by the driver's initiative's <see cref="WorkKind"/>.</item>
    /// <item>An initiative's risk-adjusted cost to date (its cost items from their first month) follows its value: each
    /// partner carries cost × its share of the initiative's value to date, by size (Σ |counted money| × share ÷ Σ |counted
    /// money|). An initiative with no value to date allocates its cost to no partner.</item>
    /// <item>A partner's ROX = its value ÷ its cost × 100 (<see cref="HeadlineRatioCalculator"/>); not applicable without cost.</item>
    /// </list>
    /// The partners' values and what falls to none add up to the board's gains to date, and their costs to its
    /// investment to date, exactly.
    /// </summary>
    public static PartnerAttribution Compute(PartnerAttributionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var month = inputs.Month;
        var initiatives = inputs.Initiatives;
        var partners = inputs.Partners;
        var periodStart = initiatives.Count == 0 ? month : initiatives.Min(i => FirstMonth(i.Inputs));
        if (periodStart > month) periodStart = month;
        var span = periodStart.MonthsUntil(month) + 1;

        var drivers = new List<PricedDriver>();
        for (var n = 0; n < initiatives.Count; n++)
        {
            var initiative = initiatives[n];
            if (initiative.PartnerVolumes.Count != initiative.Inputs.Drivers.Count)
                throw new ArgumentException($"Initiative {initiative.Inputs.Name} needs one set of partner volumes per driver.", nameof(inputs));
            for (var k = 0; k < initiative.Inputs.Drivers.Count; k++)
                drivers.Add(new PricedDriver(n, initiative.Inputs.Drivers[k], initiative.PartnerVolumes[k], Price(initiative.Inputs, initiative.Inputs.Drivers[k], periodStart, span)));
        }

        var guard = DoubleCounting.Adjust(drivers.Select(d => new DriverAmounts(
            UniqueName(d, initiatives), d.Driver.Spec.Type, d.Driver.Spec.KpiCode, d.Driver.Scope ?? DriverScope.All, d.Monthly)).ToList());

        // One slot per partner, and a last one for what falls to none.
        var slots = partners.Count + 1;
        var value = new decimal[slots];
        var thisMonth = new decimal[slots];
        var split = Enumerable.Repeat(WorkSplit.None, slots).ToArray();
        var parts = Enumerable.Range(0, slots).Select(_ => new List<(AttributedPart Part, DriverInputs Driver)>()).ToArray();
        var weights = new decimal[initiatives.Count, slots];
        var partnerIndex = partners.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);

        for (var d = 0; d < drivers.Count; d++)
        {
            var driver = drivers[d];
            var counted = guard.Counted[d];
            var attributed = new decimal[slots];
            for (var i = 0; i < span; i++)
            {
                var money = counted[i];
                if (money == 0) continue;
                var amounts = Attribute(money, Shares(driver, periodStart.AddMonths(i), partners, partnerIndex));
                for (var q = 0; q < slots; q++)
                {
                    attributed[q] += amounts[q];
                    weights[driver.Initiative, q] += decimal.Abs(amounts[q]);
                    if (i == span - 1) thisMonth[q] += amounts[q];
                }
            }

            var initiative = initiatives[driver.Initiative];
            var toDate = counted.Sum();
            for (var q = 0; q < slots; q++)
            {
                value[q] += attributed[q];
                split[q] = split[q].Add(initiative.Work, attributed[q]);
                if (attributed[q] != 0)
                    parts[q].Add((new AttributedPart(
                        initiative.Inputs.Name, driver.Driver.Spec.Name, initiative.Work, toDate, attributed[q],
                        q < partners.Count && driver.Driver.Scope?.PartnerId == partners[q].Id), driver.Driver));
            }
        }

        var cost = new decimal[slots];
        var costs = Enumerable.Range(0, slots).Select(_ => new List<AllocatedCost>()).ToArray();
        for (var n = 0; n < initiatives.Count; n++)
        {
            var total = CostToDate(initiatives[n].Inputs, month);
            if (total == 0) continue;
            decimal weight = 0;
            for (var q = 0; q < slots; q++) weight += weights[n, q];
            var allocated = new decimal[slots];
            if (weight == 0)
            {
                allocated[partners.Count] = total;
            }
            else
            {
                // Multiplied before divided, so that a whole share comes out whole; the last slot with a weight takes
                // what is left, so that the parts add up to the cost exactly.
                var last = Enumerable.Range(0, slots).Last(q => weights[n, q] != 0);
                decimal given = 0;
                for (var q = 0; q < last; q++)
                {
                    allocated[q] = total * weights[n, q] / weight;
                    given += allocated[q];
                }

                allocated[last] = total - given;
            }

            for (var q = 0; q < slots; q++)
            {
                cost[q] += allocated[q];
                if (allocated[q] != 0)
                    costs[q].Add(new AllocatedCost(initiatives[n].Inputs.Name, total, allocated[q] / total, allocated[q]));
            }
        }

        var names = drivers.Select(d => (Name: UniqueName(d, initiatives), initiatives[d.Initiative].Work))
            .GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Work, StringComparer.Ordinal);
        var overlaps = guard.Overlaps.Select(o => new WorkOverlap(o, names[o.First], names[o.Second])).ToList();

        PartnerReturn Return(int q)
        {
            var partner = q < partners.Count ? partners[q] : null;
            var who = partner?.Name ?? "no partner";
            var valueFigure = ValueFigure(value[q], parts[q], partner, periodStart, month);
            var costFigure = CostFigure(cost[q], costs[q], periodStart, month);
            var rox = HeadlineRatioCalculator.Compute(
                value[q], 0m, 0m, cost[q],
                $"value to date attributed to {who}, risk-adjusted",
                $"cost to date allocated to {who}, risk-adjusted").Rox;
            return new PartnerReturn(partner, value[q], thisMonth[q], split[q], cost[q], valueFigure, costFigure, rox, parts[q].Select(p => p.Part).ToList(), costs[q]);
        }

        return new PartnerAttribution(
            month, periodStart,
            Enumerable.Range(0, partners.Count).Select(Return).ToList(),
            Return(partners.Count),
            overlaps);
    }

    /// <summary>
    /// Each partner's share of a driver's money in one month, in partner order: 1 for the partner its scope names, or
    /// partner volume ÷ the driver's volume for a driver scoped to all partners; all 0 when nothing is known.
    /// </summary>
    private static double[] Shares(PricedDriver driver, YearMonth month, IReadOnlyList<PartnerRef> partners, Dictionary<int, int> partnerIndex)
    {
        var shares = new double[partners.Count];
        if (driver.Driver.Scope?.PartnerId is { } named)
        {
            if (partnerIndex.TryGetValue(named, out var index)) shares[index] = 1;
            return shares;
        }

        if (!driver.Driver.Actuals.TryGetValue(month, out var actual) || !(actual.Volume > 0) || !double.IsFinite(actual.Volume))
            return shares;
        double sum = 0;
        for (var p = 0; p < partners.Count; p++)
        {
            var volume = driver.Volumes.TryGetValue((partners[p].Id, month), out var v) && v > 0 && double.IsFinite(v) ? v : 0;
            shares[p] = volume / actual.Volume;
            sum += shares[p];
        }

        // The partners' volumes are parts of the driver's: more than all of it can only be a rounding of sums.
        if (sum > 1)
            for (var p = 0; p < partners.Count; p++) shares[p] /= sum;
        return shares;
    }

    /// <summary>
    /// One month's money per slot: each partner's share of it, and what is left to no partner. When the partners'
    /// shares cover all of it (to a rounding of the volumes' sums), the last partner with a share takes the remainder
    /// instead, so that the parts add up to the money exactly.
    /// </summary>
    private static decimal[] Attribute(decimal money, double[] shares)
    {
        var amounts = new decimal[shares.Length + 1];
        decimal given = 0;
        var last = -1;
        double covered = 0;
        for (var p = 0; p < shares.Length; p++)
        {
            if (shares[p] <= 0) continue;
            amounts[p] = money * (decimal)shares[p];
            given += amounts[p];
            covered += shares[p];
            last = p;
        }

        var rest = money - given;
        if (last >= 0 && covered >= 1 - 1e-9) amounts[last] += rest;
        else amounts[shares.Length] = rest;
        return amounts;
    }

    private static ExplainedFigure ValueFigure(
        decimal total, List<(AttributedPart Part, DriverInputs Driver)> parts, PartnerRef? partner, YearMonth from, YearMonth to)
    {
        var inputs = new List<FigureInput>();
        var terms = new List<string>();
        foreach (var (part, driver) in parts)
        {
            var name = $"{part.Driver} ({part.Initiative})";
            var basis = partner is null
                ? $"the part of it on no partner's contacts: {driver.Spec.KpiCode} is not measured by partner over {driver.ScopeLabel}, or some rows have no partner"
                : part.ScopedToPartner
                    ? $"the driver's scope is {partner.Name}: all of it"
                    : $"{partner.Name}'s share of the {driver.Spec.KpiCode} volume over {driver.ScopeLabel}, month by month";
            terms.Add(Term(inputs.Count) + " × " + Term(inputs.Count + 1));
            inputs.Add(new FigureInput("Share of " + name, part.Share, FigureUnit.Rate, basis));
            inputs.Add(new FigureInput(name, part.DriverToDate, FigureUnit.Money, Source("risk-adjusted, overlaps counted once", from, to)));
        }

        return new ExplainedFigure(
            "Value to date", total, FigureUnit.Money,
            partner is null
                ? "Σ over value drivers: the share on no partner's contacts × the driver's value to date"
                : "Σ over value drivers: the partner's share × the driver's value to date",
            (terms.Count == 0 ? "no value driver's value falls here" : string.Join(" + ", terms)) + " = {result}",
            inputs);
    }

    private static ExplainedFigure CostFigure(decimal total, List<AllocatedCost> costs, YearMonth from, YearMonth to)
    {
        var inputs = new List<FigureInput>();
        var terms = new List<string>();
        foreach (var cost in costs)
        {
            terms.Add(Term(inputs.Count) + " × " + Term(inputs.Count + 1));
            inputs.Add(new FigureInput("Share of " + cost.Initiative, cost.Share, FigureUnit.Rate,
                $"the share of {cost.Initiative}'s value to date, by size: its cost follows the value it buys"));
            inputs.Add(new FigureInput(cost.Initiative, cost.CostToDate, FigureUnit.Money, Source("cost items, risk-adjusted", from, to)));
        }

        return new ExplainedFigure(
            "CX investment allocated", total, FigureUnit.Money,
            "Σ over initiatives: the share of the initiative's value to date × its cost to date",
            (terms.Count == 0 ? "no initiative's cost falls here" : string.Join(" + ", terms)) + " = {result}",
            inputs);
    }

    /// <summary>A driver's risk-adjusted money per month from the period start, priced as the board prices it; 0 before its initiative's start.</summary>
    private static decimal[] Price(InitiativeInputs initiative, DriverInputs driver, YearMonth periodStart, int span)
    {
        var monthly = new decimal[span];
        for (var i = Math.Max(0, periodStart.MonthsUntil(initiative.Start)); i < span; i++)
        {
            var m = periodStart.AddMonths(i);
            var actual = driver.Actuals.TryGetValue(m, out var a) ? a : default;
            var priced = ValueDriverCalculator.MonthlyValue(
                driver.Spec.Type, driver.Spec.Parameters, driver.Baseline, actual, initiative.Start.MonthsUntil(m) + 1);
            // Carried to a millionth of the currency unit, as the board carries it.
            monthly[i] = priced.RiskAdjusted(driver.Spec.Risk) is { } money ? decimal.Round(money, 6) : 0m;
        }

        return monthly;
    }

    /// <summary>An initiative's risk-adjusted cost from its first cost month to <paramref name="month"/>, as the board counts it.</summary>
    private static decimal CostToDate(InitiativeInputs initiative, YearMonth month)
    {
        decimal total = 0;
        for (var m = FirstMonth(initiative); m <= month; m = m.AddMonths(1))
            total += CostItemSpec.RiskAdjustedTotalIn(initiative.Costs, m);
        return total;
    }

    private static YearMonth FirstMonth(InitiativeInputs initiative) => CostItemSpec.FirstMonth(initiative.Costs, initiative.Start);

    /// <summary>The name the board's guard knows a driver by: with its initiative's, so two initiatives' drivers of one name stay apart.</summary>
    private static string UniqueName(PricedDriver d, IReadOnlyList<PartnerInitiative> initiatives) =>
        $"{d.Driver.Spec.Name} ({initiatives[d.Initiative].Inputs.Name})";

    private static string Term(int index) => "{" + index.ToString(CultureInfo.InvariantCulture) + "}";

    private static string Source(string how, YearMonth from, YearMonth to) =>
        string.Create(CultureInfo.InvariantCulture, $"{how}, {from} to {to}");

    private sealed record PricedDriver(
        int Initiative, DriverInputs Driver, IReadOnlyDictionary<(int PartnerId, YearMonth Month), double> Volumes, decimal[] Monthly);
}
