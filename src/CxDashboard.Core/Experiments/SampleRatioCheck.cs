namespace CxDashboard.Core.Experiments;

/// <summary>Whether a two-arm test's arm sizes match the split it was planned with.</summary>
/// <param name="ExpectedTestCustomers">N × planned test share.</param>
/// <param name="ExpectedControlCustomers">N × (1 − planned test share).</param>
/// <param name="ChiSquare">Σ (observed − expected)² ÷ expected over the two arms; null when not applicable.</param>
/// <param name="PValue">P(χ²₁ ≥ the statistic); null when not applicable.</param>
/// <param name="IsMismatch">True when the p-value is below <see cref="SampleRatioCheck.MismatchThreshold"/>.</param>
/// <param name="NotApplicableReason">Why there is no check; null when there is one.</param>
public sealed record SampleRatioResult(
    double? ExpectedTestCustomers,
    double? ExpectedControlCustomers,
    double? ChiSquare,
    double? PValue,
    bool IsMismatch,
    string? NotApplicableReason);

/// <summary>
/// Sample-ratio-mismatch check: an arm that is bigger or smaller than planned means assignment or logging is
/// broken, and the test's lift cannot be trusted whatever its p-value.
/// </summary>
public static class SampleRatioCheck
{
    /// <summary>
    /// The p-value below which the split is flagged: 0.001, the usual threshold for this check on
    /// experimentation platforms. It is far stricter than 0.05 because the check runs on every test and a
    /// false alarm throws a sound test away, while real assignment faults give p-values far below 0.001.
    /// </summary>
    public const double MismatchThreshold = 0.001;

    /// <summary>
    /// With N = test + control customers and planned test share s: expected E_t = N·s, E_c = N·(1 − s);
    /// χ² = (O_t − E_t)²/E_t + (O_c − E_c)²/E_c with 1 degree of freedom (two arms); p = P(χ²₁ ≥ χ²) =
    /// erfc(√(χ²/2)); mismatch when p &lt; 0.001. Not applicable, with the reason, when N = 0 (the expected
    /// counts, the denominators, are 0), a count is negative, or s is not finite or not strictly between 0 and 1.
    /// </summary>
    /// <param name="testCustomers">Customers observed in the test arm.</param>
    /// <param name="controlCustomers">Customers observed in the control arm.</param>
    /// <param name="plannedTestShare">The share of customers meant for the test arm; 0.5 for an even split.</param>
    public static SampleRatioResult Evaluate(long testCustomers, long controlCustomers, double plannedTestShare = 0.5)
    {
        string? reason =
            testCustomers < 0 ? "The test arm's customer count is negative."
            : controlCustomers < 0 ? "The control arm's customer count is negative."
            : !double.IsFinite(plannedTestShare) ? "The planned test share is not a finite number."
            : plannedTestShare <= 0 || plannedTestShare >= 1 ? "The planned test share must be strictly between 0 and 1."
            : testCustomers + (double)controlCustomers == 0 ? "Neither arm has customers: there is no split to check."
            : null;
        if (reason is not null) return new SampleRatioResult(null, null, null, null, false, reason);

        var total = (double)testCustomers + controlCustomers;
        var expectedTest = total * plannedTestShare;
        var expectedControl = total * (1 - plannedTestShare);
        var chiSquare = Square(testCustomers - expectedTest) / expectedTest
            + Square(controlCustomers - expectedControl) / expectedControl;
        var p = StandardNormal.ChiSquareOneDegreeUpperTail(chiSquare);
        return new SampleRatioResult(expectedTest, expectedControl, chiSquare, p, p < MismatchThreshold, null);
    }

    private static double Square(double x) => x * x;
}
