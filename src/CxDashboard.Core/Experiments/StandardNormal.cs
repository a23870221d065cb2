namespace CxDashboard.Core.Experiments;

/// <summary>
/// The standard normal distribution and the error function it rests on, written out so that Core needs no
/// statistics package. erf comes from two expansions that converge to double precision (no fitted
/// coefficients): for |x| &lt; 2 the series erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) ÷ (1·3·…·(2n+1)), whose
/// terms are all positive; for x ≥ 2 the continued fraction
/// erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))), which keeps the far tail's relative accuracy.
/// Absolute error is below 1e-15 everywhere, far inside the 1e-7 the contract asks for, and erfc keeps
/// about 14 significant digits in the tail, where small p-values live.
/// </summary>
public static class StandardNormal
{
    private const double SeriesLimit = 2.0;
    private const double SeriesTolerance = 1e-17;
    private const double FractionTolerance = 1e-16;
    private const int MaxTerms = 500;
    private static readonly double InvSqrtPi = 1.0 / Math.Sqrt(Math.PI);

    /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; NaN for NaN, ±1 at ±∞.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (Math.Abs(x) < SeriesLimit) return SeriesErf(x);
        return x > 0 ? 1 - TailErfc(x) : TailErfc(-x) - 1;
    }

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms far into the upper tail; NaN for NaN.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        return x < SeriesLimit ? 1 - SeriesErf(x) : TailErfc(x);
    }

    /// <summary>Φ(z) = P(Z ≤ z) = ½ · erfc(−z/√2); NaN for NaN.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(Z &gt; z) = ½ · erfc(z/√2), kept accurate for large z rather than computed as 1 − Φ(z); NaN for NaN.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Two-sided p-value of a z statistic: P(|Z| ≥ |z|) = erfc(|z|/√2); NaN for NaN.</summary>
    public static double TwoSidedPValue(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>
    /// P(χ²₁ &gt; x), the upper tail of chi-square with one degree of freedom: a χ²₁ variable is the square of a
    /// standard normal, so the tail is P(|Z| &gt; √x) = erfc(√(x/2)). 1 for x ≤ 0; NaN for NaN.
    /// </summary>
    public static double ChiSquareOneDegreeUpperTail(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        return x <= 0 ? 1.0 : Erfc(Math.Sqrt(x / 2));
    }

    /// <summary>
    /// The quantile z with Φ(z) = p, found by bisection on the lower tail (p above ½ through its mirror 1 − p,
    /// which a double holds exactly) to the last bit; −∞ at p = 0, +∞ at p = 1, NaN for NaN or p outside 0..1.
    /// </summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p == 0.5) return 0;

        var upper = p > 0.5;
        var tail = upper ? 1 - p : p;
        // Φ underflows to 0 below −38.5, so the root of Φ(z) = tail ≤ ½ lies in [−40, 0].
        double lo = -40, hi = 0;
        while (true)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            var c = Cdf(mid);
            if (c == tail) { lo = hi = mid; break; }
            if (c < tail) lo = mid; else hi = mid;
        }
        return upper ? -hi : hi;
    }

    private static double SeriesErf(double x)
    {
        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < MaxTerms; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (Math.Abs(term) <= SeriesTolerance * Math.Abs(sum)) break;
        }
        return 2 * InvSqrtPi * Math.Exp(-x2) * sum;
    }

    /// <summary>erfc(x) for x ≥ 2 by the continued fraction, evaluated with the modified Lentz method.</summary>
    private static double TailErfc(double x)
    {
        if (double.IsPositiveInfinity(x)) return 0;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < MaxTerms; n++)
        {
            var a = n / 2.0;
            d = 1 / (x + a * d);
            c = x + a / c;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) <= FractionTolerance) break;
        }
        return Math.Exp(-x * x) * InvSqrtPi / f;
    }
}
