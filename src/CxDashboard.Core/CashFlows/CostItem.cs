using CxDashboard.Core.Time;

namespace CxDashboard.Core.CashFlows;

/// <summary>What a cost is for.</summary>
public enum CostCategory
{
    /// <summary>Software and licensing.</summary>
    SoftwareLicensing,
    /// <summary>Integration work.</summary>
    Integration,
    /// <summary>Maintenance.</summary>
    Maintenance,
    /// <summary>Training.</summary>
    Training,
    /// <summary>Infrastructure.</summary>
    Infrastructure,
    /// <summary>Outsourcing fees.</summary>
    OutsourcingFees,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Capital or operating expenditure, kept apart for display and summed for ROI.</summary>
public enum CostNature
{
    /// <summary>Operating expenditure.</summary>
    Opex,
    /// <summary>Capital expenditure.</summary>
    Capex,
}

/// <summary>Whether a cost is paid once or every month.</summary>
public enum CostRecurrence
{
    /// <summary>Paid once, in its start month.</summary>
    OneTime,
    /// <summary>Paid every month from its start month to its end month (or the horizon).</summary>
    Monthly,
}

/// <summary>One cost line of an initiative.</summary>
/// <param name="Name">What it is.</param>
/// <param name="Category">What it is for.</param>
/// <param name="Nature">CAPEX or OPEX.</param>
/// <param name="Recurrence">One-time or monthly.</param>
/// <param name="Amount">The amount paid once, or each month.</param>
/// <param name="Start">The month it is paid (one-time) or starts (monthly).</param>
/// <param name="End">The last month a monthly cost is paid; null for open-ended.</param>
/// <param name="Risk">TEI risk adjustment as a fraction: the cost counts × (1 + risk).</param>
public sealed record CostItemSpec(
    string Name,
    CostCategory Category,
    CostNature Nature,
    CostRecurrence Recurrence,
    decimal Amount,
    YearMonth Start,
    YearMonth? End,
    decimal Risk)
{
    /// <summary>The amount paid in <paramref name="month"/> before risk adjustment; 0 outside the cost's months.</summary>
    public decimal AmountIn(YearMonth month) => Recurrence switch
    {
        CostRecurrence.OneTime => month == Start ? Amount : 0m,
        _ => month >= Start && (End is null || month <= End) ? Amount : 0m,
    };

    /// <summary>The risk-adjusted amount paid in <paramref name="month"/>: amount × (1 + risk), a credit × (1 − risk) (<see cref="TeiRisk.AdjustCost"/>).</summary>
    public decimal RiskAdjustedIn(YearMonth month) => TeiRisk.AdjustCost(AmountIn(month), Risk);

    /// <summary>Σ of the risk-adjusted amounts all <paramref name="costs"/> pay in <paramref name="month"/>.</summary>
    public static decimal RiskAdjustedTotalIn(IReadOnlyList<CostItemSpec> costs, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(costs);
        decimal total = 0;
        foreach (var cost in costs) total += cost.RiskAdjustedIn(month);
        return total;
    }

    /// <summary>
    /// The first month an initiative starting in <paramref name="start"/> has cost or value: its start, or an
    /// earlier cost's month (design and contracts paid before launch count).
    /// </summary>
    public static YearMonth FirstMonth(IReadOnlyList<CostItemSpec> costs, YearMonth start)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var first = start;
        foreach (var cost in costs)
            if (cost.Start < first) first = cost.Start;
        return first;
    }
}
