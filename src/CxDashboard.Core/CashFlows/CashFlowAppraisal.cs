namespace CxDashboard.Core.CashFlows;

/// <summary>
/// NPV, IRR and payback of a series of net cash flows, one per period from period 0 (FORMULAS.md §3). Ordinary inputs
/// never throw: what cannot be computed comes back as a result with a reason.
/// </summary>
public static class CashFlowAppraisal
{
    // 1 + r is searched from 1e-6 (r = −99.9999 %) to 101 (r = 10,000 %) per period: an IRR outside that is not a
    // rate anyone would act on, and the bound keeps the annualised monthly rate inside a decimal.
    private const double LowestGrowth = 1e-6;
    private const double HighestGrowth = 101;
    private const int GridCells = 2000;
    private const int MaxIterations = 300;

    // A decimal holds up to 7.9e28; a discount factor or present value beyond this is not shown as money.
    private const double LargestMoney = 1e27;

    /// <summary>
    /// NPV = Σ CFₜ ÷ (1 + r)^t, t = 0..n − 1, CF₀ undiscounted, with r the monthly rate (1 + a)^(1/12) − 1 for
    /// <see cref="CashFlowPeriod.Month"/> or the annual rate a itself for <see cref="CashFlowPeriod.Year"/> (then equal to a
    /// spreadsheet's =CF₀ + NPV(a, CF₁..CFₙ₋₁)). Not applicable when there are no flows, when the rate is not a finite
    /// number or is −100 % or less, or when a discount factor is too large to hold as money.
    /// </summary>
    /// <param name="flows">Net cash flows, period 0 first.</param>
    /// <param name="annualRate">The annual discount rate as a fraction (0.10 = 10 %).</param>
    /// <param name="period">Whether the flows are monthly or annual.</param>
    public static NpvResult Npv(IReadOnlyList<decimal> flows, double annualRate, CashFlowPeriod period)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var ratePerPeriod = RatePerPeriod(annualRate, period);
        var horizon = flows.Count - 1;
        var reason = flows.Count == 0 ? "There are no cash flows to discount." : RateProblem(annualRate, ratePerPeriod, flows.Count);
        if (reason is not null)
            return new NpvResult(null, period, annualRate, ratePerPeriod, horizon, 0m, 0m, reason);

        var factors = Discounting.DiscountFactors((decimal)ratePerPeriod, flows.Count);
        decimal npv = 0, benefits = 0, costs = 0;
        for (var t = 0; t < flows.Count; t++)
        {
            var present = flows[t] * factors[t];
            npv += present;
            if (present >= 0) benefits += present;
            else costs -= present;
        }

        return new NpvResult(npv, period, annualRate, ratePerPeriod, horizon, benefits, costs);
    }

    /// <summary>
    /// IRR: the rate per period r at which Σ CFₜ ÷ (1 + r)^t = 0, found by Newton's method safeguarded by bisection
    /// inside a bracket where NPV changes sign; for months it is also given per year as (1 + r)^12 − 1. The search
    /// covers −99.9999 % to 10,000 % per period. No IRR (with its <see cref="NoIrrReason"/>) when there are fewer than
    /// two flows, when all flows have the same sign, when the single IRR lies outside the search, or when the flows
    /// change sign more than once and NPV crosses zero nowhere or at several rates. A root where NPV only touches zero
    /// without crossing it is not found.
    /// </summary>
    /// <param name="flows">Net cash flows, period 0 first.</param>
    /// <param name="period">Whether the flows are monthly or annual.</param>
    public static IrrResult Irr(IReadOnlyList<decimal> flows, CashFlowPeriod period)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var horizon = flows.Count - 1;
        if (flows.Count < 2)
            return NoIrr(period, horizon, NoIrrReason.TooFewFlows, "An IRR needs at least two cash flows.");

        var cf = flows.Select(f => (double)f).ToArray();
        if (!cf.Any(f => f > 0) || !cf.Any(f => f < 0))
            return NoIrr(period, horizon, NoIrrReason.NoSignChange,
                "The cash flows never change sign: no discount rate makes NPV zero.");

        var roots = FindRoots(cf);
        if (roots.Count == 1)
        {
            var r = roots[0];
            var annual = period == CashFlowPeriod.Month ? Math.Pow(1 + r, 12) - 1 : r;
            return new IrrResult(r, annual, period, horizon, null, []);
        }

        if (roots.Count > 1)
            return NoIrr(period, horizon, NoIrrReason.MultipleRoots,
                "The cash flows change sign more than once and NPV is zero at several rates: no single IRR describes them.",
                roots);

        return SignChanges(cf) == 1
            ? NoIrr(period, horizon, NoIrrReason.OutsideSearchedRange,
                "The IRR lies outside −99.9999 % to 10,000 % per period.")
            : NoIrr(period, horizon, NoIrrReason.NoRootFound,
                "The cash flows change sign more than once and no rate between −99.9999 % and 10,000 % per period makes NPV zero.");
    }

    /// <summary>
    /// Payback: the first period p in which the cumulative net cash flow is ≥ 0, linearly interpolated inside it:
    /// (p − 1) + (−cumulative to p − 1) ÷ CFₚ; 0 when CF₀ ≥ 0. A later dip below 0 does not move it. Not within
    /// horizon when the cumulative flow stays below 0; not applicable when there are no flows.
    /// </summary>
    /// <param name="flows">Net cash flows, period 0 first.</param>
    /// <param name="period">Whether the flows are monthly or annual.</param>
    public static PaybackResult Payback(IReadOnlyList<decimal> flows, CashFlowPeriod period)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return PaybackOf(flows, period, discounted: false);
    }

    /// <summary>
    /// Discounted payback: <see cref="Payback"/> on the flows discounted as in <see cref="Npv"/>, CFₜ ÷ (1 + r)^t.
    /// Not applicable also when the rate is not a finite number or is −100 % or less.
    /// </summary>
    /// <param name="flows">Net cash flows, period 0 first.</param>
    /// <param name="annualRate">The annual discount rate as a fraction.</param>
    /// <param name="period">Whether the flows are monthly or annual.</param>
    public static PaybackResult DiscountedPayback(IReadOnlyList<decimal> flows, double annualRate, CashFlowPeriod period)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var ratePerPeriod = RatePerPeriod(annualRate, period);
        if (flows.Count > 0 && RateProblem(annualRate, ratePerPeriod, flows.Count) is { } reason)
            return new PaybackResult(null, PaybackStatus.NotApplicable, period, true, null, 0m, 0m, reason);
        var factors = flows.Count == 0 ? [] : Discounting.DiscountFactors((decimal)ratePerPeriod, flows.Count);
        return PaybackOf(flows.Select((f, t) => f * factors[t]).ToList(), period, discounted: true);
    }

    /// <summary>The payback of flows already discounted or not, as the series and the annual view hold them.</summary>
    internal static PaybackResult PaybackOf(IReadOnlyList<decimal> flows, CashFlowPeriod period, bool discounted)
    {
        if (flows.Count == 0)
            return new PaybackResult(null, PaybackStatus.NotApplicable, period, discounted, null, 0m, 0m,
                "There are no cash flows to pay back.");

        decimal cumulative = 0;
        for (var t = 0; t < flows.Count; t++)
        {
            var before = cumulative;
            cumulative += flows[t];
            if (cumulative < 0) continue;
            // before < 0 ≤ cumulative, so flows[t] > 0: the share of period t needed to recover what was still owed.
            var periods = t == 0 ? 0m : t - 1 + -before / flows[t];
            return new PaybackResult(periods, PaybackStatus.PaidBack, period, discounted, t, t == 0 ? 0m : -before, flows[t]);
        }

        return new PaybackResult(null, PaybackStatus.NotWithinHorizon, period, discounted, null, -cumulative, 0m,
            discounted
                ? "Not within horizon: the cumulative discounted net cash flow stays below 0."
                : "Not within horizon: the cumulative net cash flow stays below 0.");
    }

    /// <summary>The rate each period is discounted at: monthly from annual for months, the annual rate for years.</summary>
    internal static double RatePerPeriod(double annualRate, CashFlowPeriod period) =>
        period == CashFlowPeriod.Month ? Discounting.MonthlyRate(annualRate) : annualRate;

    /// <summary>Why flows cannot be discounted at this rate; null when they can.</summary>
    internal static string? RateProblem(double annualRate, double ratePerPeriod, int count)
    {
        if (!double.IsFinite(annualRate)) return "The discount rate is not a finite number.";
        if (annualRate <= -1) return "A discount rate of −100 % or less leaves nothing to discount by.";
        if (ratePerPeriod <= -1 || Math.Abs(ratePerPeriod) > LargestMoney) return "The discount rate is too large to discount by.";
        var largestFactor = Math.Pow(1 + ratePerPeriod, -(count - 1));
        return double.IsFinite(largestFactor) && largestFactor <= LargestMoney
            ? null
            : "The discount rate is so close to −100 % that the discounted flows are too large to hold as money.";
    }

    private static IrrResult NoIrr(CashFlowPeriod period, int horizon, NoIrrReason why, string reason, IReadOnlyList<double>? candidates = null) =>
        new(null, null, period, horizon, why, candidates ?? [], reason);

    private static int SignChanges(double[] cf)
    {
        var changes = 0;
        var last = 0;
        foreach (var f in cf)
        {
            var sign = Math.Sign(f);
            if (sign == 0) continue;
            if (last != 0 && sign != last) changes++;
            last = sign;
        }

        return changes;
    }

    /// <summary>Every rate in the searched range at which NPV crosses zero, scanning a grid on ln(1 + r).</summary>
    private static List<double> FindRoots(double[] cf)
    {
        var roots = new List<double>();
        var lnLow = Math.Log(LowestGrowth);
        var lnHigh = Math.Log(HighestGrowth);
        var previousX = LowestGrowth;
        var previousSign = Math.Sign(Scaled(cf, previousX).Value);
        if (previousSign == 0) roots.Add(previousX - 1);
        for (var i = 1; i <= GridCells; i++)
        {
            var x = i == GridCells ? HighestGrowth : Math.Exp(lnLow + (lnHigh - lnLow) * i / GridCells);
            var sign = Math.Sign(Scaled(cf, x).Value);
            if (sign == 0) roots.Add(x - 1);
            else if (previousSign != 0 && sign != previousSign) roots.Add(Refine(cf, previousX, x) - 1);
            previousX = x;
            previousSign = sign;
        }

        return roots;
    }

    /// <summary>
    /// Newton's method on 1 + r inside a bracket [low, high] where NPV changes sign, falling back to bisection whenever
    /// a Newton step would leave the bracket or shrinks it too slowly (the "rtsafe" scheme).
    /// </summary>
    private static double Refine(double[] cf, double low, double high)
    {
        // Both ends evaluated with the same scaling, so their signs compare.
        var useHigh = high > 1;
        var fLow = Evaluate(cf, low, useHigh).Value;
        var x = 0.5 * (low + high);
        var step = high - low;
        var previousStep = step;
        for (var i = 0; i < MaxIterations; i++)
        {
            var (f, df) = Evaluate(cf, x, useHigh);
            if (f == 0) return x;
            if (Math.Sign(f) == Math.Sign(fLow)) { low = x; fLow = f; }
            else high = x;

            var newton = df != 0 ? x - f / df : double.NaN;
            var next = newton > low && newton < high && Math.Abs(2 * f) <= Math.Abs(previousStep * df)
                ? newton
                : 0.5 * (low + high);
            previousStep = step;
            step = next - x;
            x = next;
            if (Math.Abs(step) <= 4 * double.Epsilon || Math.Abs(step) <= 4e-16 * x || high - low <= 4e-16 * x) return x;
        }

        return x;
    }

    /// <summary>NPV times a positive factor, and its derivative in x = 1 + r, in the form that cannot overflow at x.</summary>
    private static (double Value, double Derivative) Scaled(double[] cf, double x) => Evaluate(cf, x, x >= 1);

    private static (double Value, double Derivative) Evaluate(double[] cf, double x, bool highForm)
    {
        double p, dp;
        if (highForm)
        {
            // Σ CFₜ·vᵗ with v = 1/x ≤ 1 (Horner from the last flow); d/dx = d/dv · (−v²).
            var v = 1 / x;
            p = cf[^1];
            dp = 0;
            for (var t = cf.Length - 2; t >= 0; t--)
            {
                dp = dp * v + p;
                p = p * v + cf[t];
            }

            return (p, -dp * v * v);
        }

        // x^(n−1) · NPV = Σ CFₜ·x^(n−1−t) for x < 1, which stays small where 1/x would blow up.
        p = cf[0];
        dp = 0;
        for (var t = 1; t < cf.Length; t++)
        {
            dp = dp * x + p;
            p = p * x + cf[t];
        }

        return (p, dp);
    }
}
