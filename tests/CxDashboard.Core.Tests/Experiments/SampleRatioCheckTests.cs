using CxDashboard.Core.Experiments;

namespace CxDashboard.Core.Tests.Experiments;

public sealed class SampleRatioCheckTests
{
    [Fact]
    public void A_split_of_12_800_to_12_200_against_an_even_plan_is_a_mismatch()
    {
        // Expected 12,500 each: χ² = 300²/12,500 + 300²/12,500 = 14.4; p = erfc(√7.2) = 0.000148 < 0.001.
        var check = SampleRatioCheck.Evaluate(12_800, 12_200);

        Assert.Equal(12_500, check.ExpectedTestCustomers);
        Assert.Equal(12_500, check.ExpectedControlCustomers);
        Assert.Equal(14.4, check.ChiSquare!.Value, 1e-12);
        Assert.Equal(0.00014780231033445412, check.PValue!.Value, 1e-15);
        Assert.True(check.IsMismatch);
    }

    [Fact]
    public void A_split_of_12_700_to_12_300_is_not_flagged_at_the_strict_threshold()
    {
        // χ² = 6.4, p = 0.0114: below 0.05 but not below 0.001.
        var check = SampleRatioCheck.Evaluate(12_700, 12_300);

        Assert.Equal(6.4, check.ChiSquare!.Value, 1e-12);
        Assert.Equal(0.011412036386001656, check.PValue!.Value, 1e-15);
        Assert.False(check.IsMismatch);
    }

    [Fact]
    public void The_threshold_is_one_in_a_thousand()
    {
        Assert.Equal(0.001, SampleRatioCheck.MismatchThreshold);
    }

    [Fact]
    public void Equal_arms_on_an_even_plan_match_perfectly()
    {
        var check = SampleRatioCheck.Evaluate(12_500, 12_500);

        Assert.Equal(0.0, check.ChiSquare);
        Assert.Equal(1.0, check.PValue);
        Assert.False(check.IsMismatch);
    }

    [Fact]
    public void An_uneven_plan_is_checked_against_its_own_split()
    {
        // 40 % test: expected 10,000 and 15,000, which is what was observed.
        var planned = SampleRatioCheck.Evaluate(10_000, 15_000, plannedTestShare: 0.4);
        var even = SampleRatioCheck.Evaluate(10_000, 15_000);

        Assert.Equal(0.0, planned.ChiSquare!.Value, 1e-12);
        Assert.False(planned.IsMismatch);
        Assert.True(even.IsMismatch);
    }

    [Theory]
    [InlineData(0L, 0L, 0.5, "Neither arm has customers")]
    [InlineData(-1L, 100L, 0.5, "test arm's customer count is negative")]
    [InlineData(100L, -1L, 0.5, "control arm's customer count is negative")]
    [InlineData(100L, 100L, 0.0, "strictly between 0 and 1")]
    [InlineData(100L, 100L, 1.0, "strictly between 0 and 1")]
    [InlineData(100L, 100L, double.NaN, "planned test share is not a finite number")]
    public void The_check_is_not_applicable_with_a_reason_when_there_is_nothing_to_check(long test, long control, double share, string expected)
    {
        var check = SampleRatioCheck.Evaluate(test, control, share);

        Assert.Null(check.ChiSquare);
        Assert.Null(check.PValue);
        Assert.False(check.IsMismatch);
        Assert.Contains(expected, check.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void All_customers_in_one_arm_is_a_mismatch_not_an_error()
    {
        var check = SampleRatioCheck.Evaluate(1_000, 0);

        Assert.Equal(1_000, check.ChiSquare!.Value, 1e-9);
        Assert.True(check.IsMismatch);
    }
}
