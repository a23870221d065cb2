using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.Scenarios;

/// <summary>Drivers, costs and plans the scenario tests share.</summary>
internal static class Plans
{
    public static readonly YearMonth January = new(2026, 1);

    /// <summary>AHT 420 → 360 s on 200,000 contacts a month at $48/h: $160,000 a month before risk (seed 001).</summary>
    public static ScenarioDriver VoiceHandleTime(
        decimal risk = 0.10m, decimal? hourlyRate = 48m, decimal? volume = 200_000m, int rampUpMonths = 0, DriverScope? scope = null,
        string name = "Handle-time savings, voice") =>
        new(
            new ValueDriverSpec(name, ValueDriverType.HandleTimeSavings, "AHT", ValueFactor.CostReduction, true, risk,
                new DriverParameters(UnitValue: hourlyRate)),
            Baseline: 420, Target: 360,
            Conservative: ScenarioDelta.Times(0.5),
            Optimistic: ScenarioDelta.Explicit(-90),
            ProjectedVolume: volume,
            RampUpMonths: rampUpMonths,
            Scope: scope);

    public static CostItemSpec OneTime(string name, decimal amount, YearMonth month, decimal risk = 0m) =>
        new(name, CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, amount, month, null, risk);

    public static CostItemSpec Monthly(string name, decimal amount, YearMonth start, decimal risk = 0m) =>
        new(name, CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, amount, start, null, risk);

    /// <summary>
    /// One year of voice handle-time savings at 10 % risk ($144,000 a month), against $360,000 of implementation at
    /// 10 % risk ($396,000) and a $15,000 monthly licence: $576,000 of investment.
    /// </summary>
    public static InitiativePlan VoiceYear(decimal rate = 0.10m) => new(
        "Voice handle time",
        January,
        HorizonMonths: 12,
        Drivers: [VoiceHandleTime()],
        Costs: [OneTime("Implementation", 360_000m, January, risk: 0.10m), Monthly("Licence", 15_000m, January)],
        AnnualDiscountRate: rate);
}
