using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CxDashboard.Core.Tests.CashFlows;

/// <summary>An investment in period 0, then returns ≥ 0 of which the first is positive; the investment is 5 %–200 % of them.</summary>
public sealed record InvestmentThenReturns(IReadOnlyList<decimal> Flows, CashFlowPeriod Period)
{
    public override string ToString() => Period + ": " + string.Join("; ", Flows);
}

/// <summary>Two annual rates, the second above the first by at least 0.1 percentage point.</summary>
public sealed record RisingRates(double Lower, double Higher);

/// <summary>Cost items and benefit lines (gains and losses) with risks between 0 and 100 %.</summary>
public sealed record RiskyInitiative(int Horizon, IReadOnlyList<CostItemSpec> Costs, IReadOnlyList<BenefitLine> Benefits)
{
    public override string ToString() =>
        "horizon " + Horizon + "; costs: " + string.Join(" | ", Costs) + "; benefits: " +
        string.Join(" | ", Benefits.Select(b => b.Name + " risk " + b.Risk + " [" + string.Join("; ", b.MonthlyAmounts) + "]"));
}

public static class CashFlowArbitraries
{
    private static readonly YearMonth Start = new(2025, 1);

    private static Gen<decimal> Cents(int min, int max) => Gen.Choose(min, max).Select(c => c / 100m);

    private static Gen<decimal> Risk() => Gen.Choose(0, 1000).Select(r => r / 1000m);

    public static Arbitrary<InvestmentThenReturns> InvestmentThenReturns() =>
        (from count in Gen.Choose(0, 40)
         from first in Cents(1, 10_000_000)
         from rest in Gen.ArrayOf(Cents(0, 10_000_000), count)
         from share in Gen.Choose(5, 200)
         from period in Gen.Elements(CashFlowPeriod.Month, CashFlowPeriod.Year)
         let returns = rest.Prepend(first).ToList()
         let investment = Math.Max(0.01m, Math.Round(returns.Sum() * share / 100m, 2))
         select new InvestmentThenReturns(returns.Prepend(-investment).ToList(), period)).ToArbitrary();

    public static Arbitrary<RisingRates> RisingRates() =>
        (from lower in Gen.Choose(-500, 1000)
         from step in Gen.Choose(1, 1000)
         select new RisingRates(lower / 1000.0, (lower + step) / 1000.0)).ToArbitrary();

    public static Arbitrary<RiskyInitiative> RiskyInitiative() =>
        (from horizon in Gen.Choose(0, 48)
         from costs in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Cost(), n))
         from benefits in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Benefit(), n))
         select new RiskyInitiative(horizon, costs.ToList(), benefits.ToList())).ToArbitrary();

    private static Gen<CostItemSpec> Cost() =>
        from nature in Gen.Elements(CostNature.Capex, CostNature.Opex)
        from recurrence in Gen.Elements(CostRecurrence.OneTime, CostRecurrence.Monthly)
        from amount in Cents(-100_000, 10_000_000)
        from startOffset in Gen.Choose(-12, 50)
        from length in Gen.Choose(-1, 60)
        from risk in Risk()
        select new CostItemSpec(
            "cost", CostCategory.Other, nature, recurrence, amount, Start.AddMonths(startOffset),
            length < 0 ? null : Start.AddMonths(startOffset + length), risk);

    private static Gen<BenefitLine> Benefit() =>
        from count in Gen.Choose(0, 60)
        from amounts in Gen.ArrayOf(Cents(-500_000, 2_000_000), count)
        from factor in Gen.Elements(ValueFactor.CostReduction, ValueFactor.RevenueGrowth, ValueFactor.Retention)
        from risk in Risk()
        select new BenefitLine("benefit", factor, amounts, risk);
}

public sealed class CashFlowPropertyTests
{
    private static readonly YearMonth Start = new(2025, 1);

    [Property(Arbitrary = new[] { typeof(CashFlowArbitraries) })]
    public void Npv_falls_as_the_rate_rises_for_an_investment_then_returns(InvestmentThenReturns series, RisingRates rates)
    {
        var atLower = CashFlowAppraisal.Npv(series.Flows, rates.Lower, series.Period);
        var atHigher = CashFlowAppraisal.Npv(series.Flows, rates.Higher, series.Period);

        Assert.True(atHigher.Value < atLower.Value, $"NPV {atHigher.Value} at {rates.Higher} vs {atLower.Value} at {rates.Lower}");
    }

    [Property(Arbitrary = new[] { typeof(CashFlowArbitraries) })]
    public void Npv_at_the_irr_is_zero(InvestmentThenReturns series)
    {
        var irr = CashFlowAppraisal.Irr(series.Flows, series.Period);

        Assert.True(irr.IsApplicable, irr.NotApplicableReason);
        // Discounting at the annual IRR repeats the monthly rate for a monthly series, so both ways give NPV ≈ 0.
        var npv = CashFlowAppraisal.Npv(series.Flows, irr.AnnualRate!.Value, series.Period);
        var scale = npv.PresentValueOfBenefits + npv.PresentValueOfCosts;
        Assert.True(Math.Abs(npv.Value!.Value) <= 1e-9m * scale, $"NPV {npv.Value} at IRR {irr.RatePerPeriod} (scale {scale})");
        var periodic = CashFlowAppraisal.Npv(series.Flows, irr.RatePerPeriod!.Value, CashFlowPeriod.Year);
        Assert.True(Math.Abs(periodic.Value!.Value) <= 1e-9m * scale, $"NPV {periodic.Value} at IRR {irr.RatePerPeriod} per period");
    }

    [Property(Arbitrary = new[] { typeof(CashFlowArbitraries) })]
    public void Risk_adjustment_never_increases_net_value(RiskyInitiative initiative, RisingRates rates)
    {
        var rate = (decimal)rates.Lower;
        var adjusted = CashFlowSeries.Build("risky", Start, initiative.Horizon, initiative.Costs, initiative.Benefits, rate);
        var asEntered = CashFlowSeries.Build("risky", Start, initiative.Horizon, initiative.Costs, initiative.Benefits, rate, applyRisk: false);

        Assert.All(adjusted.Months.Zip(asEntered.Months), pair => Assert.True(pair.First.Net <= pair.Second.Net));
        Assert.True(adjusted.NetValue <= asEntered.NetValue);
        Assert.True(adjusted.Npv().Value <= asEntered.Npv().Value);
        Assert.True(adjusted.Annual().Npv().Value <= asEntered.Annual().Npv().Value);
        Assert.True(adjusted.TotalCosts >= asEntered.TotalCosts);
    }
}
