using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.CashFlows;

/// <summary>
/// Agreement with LibreOffice Calc on the cases of Data/CashFlows/cashflow-cases.fods (see the README there): NPV to
/// 1e-6 relative, IRR to 1e-9 absolute, payback in the same period and to the 15 significant digits Calc writes.
/// </summary>
public sealed class CashFlowSpreadsheetTests
{
    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in SpreadsheetCases.All.Keys) data.Add(id);
            return data;
        }
    }

    [Fact]
    public void The_sheet_holds_at_least_thirty_cases_with_long_horizons_negative_rates_and_no_irr()
    {
        var cases = SpreadsheetCases.All.Values.ToList();

        Assert.True(cases.Count >= 30);
        Assert.True(cases.Count(c => c.Flows.Count >= 121) >= 5);
        Assert.True(cases.Count(c => c.AnnualRate < 0) >= 3);
        Assert.True(cases.Count(c => c.Expect.StartsWith("no-irr:", StringComparison.Ordinal)) >= 5);
        Assert.All(cases, c => Assert.Equal(c.Periods, c.Flows.Count));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Npv_matches_the_spreadsheet(string id)
    {
        var c = SpreadsheetCases.All[id];

        var npv = CashFlowAppraisal.Npv(c.Flows, c.AnnualRate, c.Period);

        Assert.Equal(c.RatePerPeriod, npv.RatePerPeriod, 1e-15);
        Assert.NotNull(npv.Value);
        AssertNpv(c.Npv, npv.Value.Value);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Irr_matches_the_spreadsheet_or_says_why_there_is_none(string id)
    {
        var c = SpreadsheetCases.All[id];

        var irr = CashFlowAppraisal.Irr(c.Flows, c.Period);

        if (c.Expect == "irr")
        {
            Assert.True(irr.IsApplicable, irr.NotApplicableReason);
            Assert.NotNull(c.Irr);
            Assert.Equal(c.Irr.Value, irr.RatePerPeriod!.Value, 1e-9);
            Assert.Equal(c.IrrAnnual!.Value, irr.AnnualRate!.Value, 1e-9);
            return;
        }

        var expected = Enum.Parse<NoIrrReason>(c.Expect["no-irr:".Length..]);
        Assert.False(irr.IsApplicable);
        Assert.Equal(expected, irr.NoIrr);
        Assert.False(string.IsNullOrWhiteSpace(irr.NotApplicableReason));
        // Where Calc still returns a number, it is one of several roots or one outside the searched range.
        if (c.Irr is { } calc && expected == NoIrrReason.MultipleRoots)
            Assert.Contains(irr.Candidates, r => Math.Abs(r - calc) <= 1e-9);
        if (c.Irr is { } beyond && expected == NoIrrReason.OutsideSearchedRange)
            Assert.True(beyond > 100);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Payback_matches_the_spreadsheet(string id)
    {
        var c = SpreadsheetCases.All[id];

        AssertPayback(c.PaybackIndex, c.Payback, CashFlowAppraisal.Payback(c.Flows, c.Period));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Discounted_payback_matches_the_spreadsheet(string id)
    {
        var c = SpreadsheetCases.All[id];

        AssertPayback(c.DiscountedPaybackIndex, c.DiscountedPayback, CashFlowAppraisal.DiscountedPayback(c.Flows, c.AnnualRate, c.Period));
    }

    [Fact]
    public void Initiative_a_month_by_month_matches_the_spreadsheet()
    {
        var series = InitiativeA();
        var monthly = SpreadsheetCases.All["tei-a-monthly"];

        Assert.Equal(monthly.Flows, series.NetFlows);
        AssertSeriesAgrees(monthly, series);
    }

    [Fact]
    public void Initiative_a_by_year_matches_the_spreadsheet()
    {
        var annual = InitiativeA().Annual();
        var sheet = SpreadsheetCases.All["tei-a-annual"];

        Assert.Equal(sheet.Flows, annual.Net.Flows);
        AssertAnnualAgrees(sheet, annual);
    }

    [Fact]
    public void Initiative_b_month_by_month_matches_the_spreadsheet()
    {
        var series = InitiativeB();
        var monthly = SpreadsheetCases.All["tei-b-monthly"];

        Assert.Equal(monthly.Flows, series.NetFlows);
        AssertSeriesAgrees(monthly, series);
    }

    [Fact]
    public void Initiative_b_by_year_with_a_part_year_matches_the_spreadsheet()
    {
        var annual = InitiativeB().Annual();
        var sheet = SpreadsheetCases.All["tei-b-annual"];

        Assert.Equal(4, annual.YearCount);
        Assert.Equal(sheet.Flows, annual.Net.Flows);
        AssertAnnualAgrees(sheet, annual);
    }

    /// <summary>
    /// Initiative A of the sheet: 2025-01 + 36 months at 10 %. A licence bought two months before the start and a
    /// training course that began a month early land in month 0; a cross-sell loss in months 1–2 grows with its risk.
    /// </summary>
    internal static CashFlowSeries InitiativeA()
    {
        var start = new YearMonth(2025, 1);
        var retention = new decimal[37];
        for (var t = 6; t <= 36; t++) retention[t] = Math.Min(500m * (t - 5), 8_000m);
        var crossSell = new decimal[37];
        crossSell[1] = crossSell[2] = -2_000m;
        for (var t = 3; t <= 36; t++) crossSell[t] = 3_000m;

        return CashFlowSeries.Build(
            "Initiative A", start, 36,
            [
                new("Platform licence", CostCategory.SoftwareLicensing, CostNature.Capex, CostRecurrence.OneTime, 120_000m, new YearMonth(2024, 11), null, 0.10m),
                new("Integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 60_000m, start, null, 0.05m),
                new("Upgrade", CostCategory.Infrastructure, CostNature.Capex, CostRecurrence.OneTime, 30_000m, new YearMonth(2026, 7), null, 0.10m),
                new("Run cost", CostCategory.Maintenance, CostNature.Opex, CostRecurrence.Monthly, 4_000m, new YearMonth(2025, 2), new YearMonth(2027, 12), 0.10m),
                new("Training", CostCategory.Training, CostNature.Opex, CostRecurrence.Monthly, 1_500m, new YearMonth(2024, 12), new YearMonth(2025, 6), 0m),
            ],
            [
                BenefitLine.Monthly("Handle-time savings", ValueFactor.CostReduction, 12_000m, 3, 36, 0.20m),
                new("Retention", ValueFactor.Retention, retention, 0.25m),
                new("Cross-sell", ValueFactor.RevenueGrowth, crossSell, 0.25m),
            ],
            0.10m);
    }

    /// <summary>Initiative B of the sheet: 2024-07 + 42 months at 8 %, so its Year 4 holds six months.</summary>
    internal static CashFlowSeries InitiativeB()
    {
        var start = new YearMonth(2024, 7);
        return CashFlowSeries.Build(
            "Initiative B", start, 42,
            [
                new("Bots", CostCategory.SoftwareLicensing, CostNature.Capex, CostRecurrence.OneTime, 80_000m, start, null, 0.15m),
                new("Licences", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 2_500m, start, null, 0.05m),
            ],
            [
                BenefitLine.Monthly("Deflection", ValueFactor.CostReduction, 6_000m, 2, 60, 0.10m),
                BenefitLine.Monthly("Referral", ValueFactor.RevenueGrowth, 1_000m, 12, 42, 0.50m),
            ],
            0.08m);
    }

    private static void AssertSeriesAgrees(SpreadsheetCase sheet, CashFlowSeries series)
    {
        Assert.Equal(sheet.AnnualRate, (double)series.AnnualRate);
        Assert.Equal(sheet.RatePerPeriod, series.MonthlyRate, 1e-15);
        var npv = series.Npv();
        AssertNpv(sheet.Npv, npv.Value!.Value);
        Assert.True(Math.Abs(npv.Value.Value - (npv.PresentValueOfBenefits - npv.PresentValueOfCosts)) <= 1e-20m);
        Assert.Equal(npv.Value, Discounting.Npv(series.NetFlows, series.AnnualRate));
        var irr = series.Irr();
        Assert.Equal(sheet.Irr!.Value, irr.RatePerPeriod!.Value, 1e-9);
        Assert.Equal(sheet.IrrAnnual!.Value, irr.AnnualRate!.Value, 1e-9);
        AssertPayback(sheet.PaybackIndex, sheet.Payback, series.Payback());
        AssertPayback(sheet.DiscountedPaybackIndex, sheet.DiscountedPayback, series.DiscountedPayback());
    }

    private static void AssertAnnualAgrees(SpreadsheetCase sheet, AnnualCashFlows annual)
    {
        var npv = annual.Npv();
        AssertNpv(sheet.Npv, npv.Value!.Value);
        Assert.Equal(Discounting.AnnualNpv(annual.Net.Flows, annual.AnnualRate), npv.Value);
        Assert.True(Math.Abs(annual.Net.PresentValue - (annual.Benefits.PresentValue - annual.Costs.PresentValue)) <= 1e-20m);
        Assert.Equal(sheet.Irr!.Value, annual.Irr().RatePerPeriod!.Value, 1e-9);
        AssertPayback(sheet.PaybackIndex, sheet.Payback, annual.Payback());
        AssertPayback(sheet.DiscountedPaybackIndex, sheet.DiscountedPayback,
            CashFlowAppraisal.DiscountedPayback(annual.Net.Flows, (double)annual.AnnualRate, CashFlowPeriod.Year));
    }

    private static void AssertNpv(double expected, decimal actual)
    {
        var difference = Math.Abs((double)actual - expected);
        Assert.True(difference <= 1e-6 * Math.Abs(expected) + 1e-9, $"NPV {actual} vs Calc {expected}");
    }

    /// <summary>Calc's index is 1-based (0 = never); its value carries 15 significant digits.</summary>
    private static void AssertPayback(int calcIndex, double? calcValue, PaybackResult payback)
    {
        if (calcIndex == 0)
        {
            Assert.Null(calcValue);
            Assert.Equal(PaybackStatus.NotWithinHorizon, payback.Status);
            Assert.Null(payback.Periods);
            return;
        }

        Assert.Equal(PaybackStatus.PaidBack, payback.Status);
        Assert.Equal(calcIndex - 1, payback.PaybackPeriod);
        var value = (double)payback.Periods!.Value;
        Assert.True(Math.Abs(value - calcValue!.Value) <= 1e-12 * Math.Max(1, Math.Abs(calcValue.Value)),
            $"payback {payback.Periods} vs Calc {calcValue}");
    }
}
