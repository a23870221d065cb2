using System.Globalization;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// What a what-if business case must satisfy before its returns are computed or it is saved. Every message names the
/// field, says what is wrong and what to enter instead; the keys are the form's field names.
/// </summary>
public static class WhatIfRules
{
    public const string NameField = "name";
    public const string OwnerField = "owner";
    public const string DescriptionField = "description";
    public const string StartField = "start";
    public const string HorizonField = "horizon";
    public const string RateField = "rate";

    /// <summary>The longest business case the form takes, in months (ten years).</summary>
    public const int MaxHorizonMonths = 120;

    /// <summary>The key of field <paramref name="what"/> of cost line <paramref name="index"/> ("cost-0-amount").</summary>
    public static string CostField(int index, string what) => string.Create(CultureInfo.InvariantCulture, $"cost-{index}-{what}");

    /// <summary>The key of field <paramref name="what"/> of driver <paramref name="index"/> ("driver-0-baseline").</summary>
    public static string DriverField(int index, string what) => string.Create(CultureInfo.InvariantCulture, $"driver-{index}-{what}");

    /// <summary>Every problem of <paramref name="draft"/>, by field; empty when it can be projected and saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(WhatIfDraft draft, IReadOnlyDictionary<string, KpiDefinition> kpis, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(kpis);
        var errors = new Dictionary<string, string>();
        Text(errors, NameField, draft.Name, "a name", 160);
        Text(errors, OwnerField, draft.Owner, "an owner (who answers for it)", 120);
        if (draft.Description.Length > 2000) errors[DescriptionField] = "The description is longer than 2,000 characters: shorten it.";
        if (draft.Start is null) errors[StartField] = "Enter the first month as YYYY-MM, for example 2026-11.";
        if (draft.HorizonMonths is not { } horizon) errors[HorizonField] = "Enter how many months the business case covers, for example 36.";
        else if (horizon is < 1 or > MaxHorizonMonths)
            errors[HorizonField] = $"The horizon must be 1 to {MaxHorizonMonths} months: {horizon} is not. 36 is the TEI convention.";
        if (draft.DiscountRatePercent is not { } rate) errors[RateField] = "Enter the annual discount rate in percent, for example 10.";
        else if (rate is < 0m or > 100m) errors[RateField] = $"The discount rate must be between 0 and 100 %: {N(rate, culture)} % is not. 10 % is the TEI convention.";

        for (var i = 0; i < draft.Costs.Count; i++) CheckCost(errors, i, draft.Costs[i], culture);
        for (var i = 0; i < draft.Drivers.Count; i++) CheckDriver(errors, i, draft.Drivers[i], draft.HorizonMonths, kpis, culture);
        return errors;
    }

    private static void CheckCost(Dictionary<string, string> errors, int i, WhatIfCost cost, CultureInfo culture)
    {
        Text(errors, CostField(i, "name"), cost.Name, "what the cost is for", 160);
        if (cost.Amount is not { } amount) errors[CostField(i, "amount")] = "Enter the amount, for example 45000.";
        else if (amount < 0m)
            errors[CostField(i, "amount")] = $"A cost cannot be negative ({N(amount, culture)}): enter what is paid; a saving belongs in a value driver.";
        Risk(errors, CostField(i, "risk"), cost.RiskPercent, culture);
        if (cost.Start is not { } start) errors[CostField(i, "start")] = "Enter the month it is paid or starts, as YYYY-MM.";
        else if (cost.Recurrence == CostRecurrence.Monthly && cost.End is { } end && end < start)
            errors[CostField(i, "end")] = $"The end month {end} is before the start month {start}: enter {start} or later, or leave it empty for the whole horizon.";
    }

    private static void CheckDriver(
        Dictionary<string, string> errors, int i, WhatIfDriver driver, int? horizon, IReadOnlyDictionary<string, KpiDefinition> kpis, CultureInfo culture)
    {
        Text(errors, DriverField(i, "name"), driver.Name, "a name", 160);
        if (!kpis.TryGetValue(driver.KpiCode, out var kpi))
        {
            errors[DriverField(i, "baseline")] = $"The KPI {driver.KpiCode} is not defined in this organisation: add it on the KPI pages, or start from another template.";
            return;
        }

        var bounds = Bounds(kpi);
        Value(errors, DriverField(i, "baseline"), driver.Baseline, $"{kpi.Code} baseline", kpi, bounds, culture);
        Value(errors, DriverField(i, "target"), driver.Target, $"{kpi.Code} target", kpi, bounds, culture);
        if (driver.Baseline is { } baseline && double.IsFinite(baseline))
        {
            Change(errors, DriverField(i, "conservative"), driver.ConservativeChange, "conservative", baseline, kpi, bounds, culture);
            Change(errors, DriverField(i, "optimistic"), driver.OptimisticChange, "optimistic", baseline, kpi, bounds, culture);
        }

        foreach (var field in WhatIfFields.For(driver.Type))
        {
            var key = DriverField(i, field.Key);
            if (WhatIfFields.Get(driver, field.Key) is not { } x) errors[key] = $"Enter the {Lower(field.Label)}.";
            else if (x < 0m) errors[key] = $"The {Lower(field.Label)} cannot be negative ({N(x, culture)}): enter 0 or more.";
            else if (field.Unit == WhatIfUnit.Percent && x > 100m) errors[key] = $"The {Lower(field.Label)} must be between 0 and 100 %: {N(x, culture)} % is not.";
        }

        Risk(errors, DriverField(i, "risk"), driver.RiskPercent, culture);
        if (driver.RampUpMonths is not { } ramp) errors[DriverField(i, "ramp")] = "Enter the months before the full change, 0 for none.";
        else if (ramp < 0 || horizon is { } h && ramp >= h)
            errors[DriverField(i, "ramp")] = $"The ramp-up must be 0 or more months and shorter than the horizon: {ramp} is not.";
    }

    /// <summary>The range a KPI's typed value must stay in: 0–100 % for a rate, not below 0 for amounts, counts and durations.</summary>
    private static (double? Low, double? High) Bounds(KpiDefinition kpi) => kpi.Unit switch
    {
        KpiUnit.Rate => (0, 100),
        KpiUnit.Money or KpiUnit.Seconds or KpiUnit.Count or KpiUnit.Weeks => (0, null),
        _ when kpi.Aggregation == KpiAggregation.NetScore => (-100, 100),
        _ => (null, null),
    };

    private static void Value(
        Dictionary<string, string> errors, string key, double? value, string what, KpiDefinition kpi, (double? Low, double? High) bounds, CultureInfo culture)
    {
        if (value is not { } v || !double.IsFinite(v)) errors[key] = $"Enter the {what}{Hint(kpi)}.";
        else if (Outside(v, bounds)) errors[key] = $"The {what} must be {Range(kpi, bounds, culture)}: {N(v, culture)}{Suffix(kpi)} is not.";
    }

    private static void Change(
        Dictionary<string, string> errors, string key, double? change, string scenario, double baseline, KpiDefinition kpi,
        (double? Low, double? High) bounds, CultureInfo culture)
    {
        if (change is not { } c || !double.IsFinite(c))
        {
            errors[key] = $"Enter the {scenario} scenario's change from the baseline{(kpi.Unit == KpiUnit.Rate ? " in percentage points" : "")}, negative for a fall.";
            return;
        }

        var result = baseline + c;
        if (!Outside(result, bounds)) return;
        var points = kpi.Unit == KpiUnit.Rate ? " pp" : Suffix(kpi);
        var allowed = bounds switch
        {
            ({ } low, { } high) => $"enter a change between {Signed(low - baseline, culture)} and {Signed(high - baseline, culture)}{points}",
            ({ } low, null) => $"enter a change of {Signed(low - baseline, culture)}{points} or more",
            _ => "enter a smaller change",
        };
        var outside = bounds switch
        {
            ({ } lo, { } hi) => $"outside {N(lo, culture)} to {N(hi, culture)}{Suffix(kpi)}",
            ({ } lo, null) => $"below {N(lo, culture)}{Suffix(kpi)}",
            _ => "out of range",
        };
        errors[key] = $"With a change of {Signed(c, culture)}{points}, {kpi.Code} would be {N(result, culture)}{Suffix(kpi)}, {outside}: {allowed}.";
    }

    private static void Risk(Dictionary<string, string> errors, string key, decimal? risk, CultureInfo culture)
    {
        if (risk is not { } r) errors[key] = "Enter the risk adjustment in percent, 0 for none.";
        else if (r is < 0m or > 100m) errors[key] = $"The risk must be between 0 and 100 %: {N(r, culture)} % is not. 10 to 30 % is usual.";
    }

    private static void Text(Dictionary<string, string> errors, string key, string? text, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) errors[key] = $"Enter {what}.";
        else if (text.Trim().Length > max) errors[key] = $"At most {max} characters: shorten it.";
    }

    private static bool Outside(double v, (double? Low, double? High) bounds) =>
        bounds.Low is { } low && v < low || bounds.High is { } high && v > high;

    private static string Range(KpiDefinition kpi, (double? Low, double? High) bounds, CultureInfo culture) => bounds switch
    {
        ({ } low, { } high) => $"between {N(low, culture)} and {N(high, culture)}{Suffix(kpi)}",
        ({ } low, null) => $"{N(low, culture)}{Suffix(kpi)} or more",
        _ => "a finite number",
    };

    private static string Hint(KpiDefinition kpi) => kpi.Unit switch
    {
        KpiUnit.Rate => " in percent (40 for 40 %)",
        KpiUnit.Seconds => " in seconds",
        KpiUnit.Weeks => " in weeks",
        _ => "",
    };

    private static string Suffix(KpiDefinition kpi) => kpi.Unit switch
    {
        KpiUnit.Rate => " %",
        KpiUnit.Seconds => " s",
        KpiUnit.Weeks => " weeks",
        _ => "",
    };

    private static string N(double x, CultureInfo culture) => x.ToString("#,##0.##", culture);

    private static string N(decimal x, CultureInfo culture) => x.ToString("#,##0.##", culture);

    private static string Signed(double x, CultureInfo culture) => (x > 0 ? "+" : x < 0 ? "−" : "") + N(Math.Abs(x), culture);

    /// <summary>A label inside a sentence: "contacts per month", but "ARPU" and "NPS" stay as they are.</summary>
    private static string Lower(string label) =>
        label.Length < 2 || char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
