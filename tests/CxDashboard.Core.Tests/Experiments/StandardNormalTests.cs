using CxDashboard.Core.Experiments;
using FsCheck.Xunit;

namespace CxDashboard.Core.Tests.Experiments;

/// <summary>Reference values are those of a double-precision erf/erfc (C's libm), to 16 significant digits.</summary>
public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(2.9, 0.9999589021219005)]
    [InlineData(3.0, 0.9999779095030014)]
    [InlineData(3.5, 0.9999992569016276)]
    public void Erf_matches_reference_values_far_inside_1e_7(double x, double expected)
    {
        Assert.Equal(expected, StandardNormal.Erf(x), 1e-15);
        Assert.Equal(-expected, StandardNormal.Erf(-x), 1e-15);
    }

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(2.9, 4.109787809945886e-05)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(3.5, 7.430983723414128e-07)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    public void Erfc_keeps_its_relative_accuracy_in_the_tail(double x, double expected)
    {
        var relativeError = Math.Abs(StandardNormal.Erfc(x) - expected) / expected;

        Assert.True(relativeError < 1e-12, $"erfc({x}) relative error {relativeError}");
    }

    [Fact]
    public void Erfc_of_a_negative_argument_is_two_minus_the_tail()
    {
        Assert.Equal(2 - 0.15729920705028513, StandardNormal.Erfc(-1.0), 1e-15);
        Assert.Equal(1.0, StandardNormal.Erfc(0.0));
    }

    [Fact]
    public void Erf_is_zero_at_zero_and_one_at_infinity_and_nan_for_nan()
    {
        Assert.Equal(0.0, StandardNormal.Erf(0.0));
        Assert.Equal(1.0, StandardNormal.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, StandardNormal.Erf(double.NegativeInfinity));
        Assert.Equal(0.0, StandardNormal.Erfc(double.PositiveInfinity));
        Assert.True(double.IsNaN(StandardNormal.Erf(double.NaN)));
        Assert.True(double.IsNaN(StandardNormal.Erfc(double.NaN)));
        Assert.True(double.IsNaN(StandardNormal.Cdf(double.NaN)));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(3.0, 0.9986501019683699)]
    [InlineData(6.0, 0.9999999990134123)]
    public void Normal_cdf_matches_reference_values(double z, double expected)
    {
        Assert.Equal(expected, StandardNormal.Cdf(z), 1e-15);
    }

    [Theory]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-8.3, 5.2055697448902866e-17)]
    public void Normal_cdf_far_in_the_lower_tail_is_accurate_in_relative_terms(double z, double expected)
    {
        Assert.True(Math.Abs(StandardNormal.Cdf(z) - expected) / expected < 1e-12);
        Assert.True(Math.Abs(StandardNormal.UpperTail(-z) - expected) / expected < 1e-12);
    }

    [Fact]
    public void Two_sided_p_value_of_1_96_is_five_percent()
    {
        Assert.Equal(0.04999579029644087, StandardNormal.TwoSidedPValue(1.96), 1e-15);
        Assert.Equal(0.04999579029644087, StandardNormal.TwoSidedPValue(-1.96), 1e-15);
    }

    [Fact]
    public void Quantiles_for_alpha_and_power_are_the_textbook_z_values()
    {
        Assert.Equal(1.959963984540054, StandardNormal.Quantile(0.975), 1e-13);
        Assert.Equal(0.8416212335729143, StandardNormal.Quantile(0.8), 1e-13);
        Assert.Equal(2.5758293035489, StandardNormal.Quantile(0.995), 1e-12);
        Assert.Equal(0.0, StandardNormal.Quantile(0.5));
        Assert.Equal(-1.959963984540054, StandardNormal.Quantile(0.025), 1e-13);
        Assert.Equal(7.0344869100478356, StandardNormal.Quantile(1 - 1e-12), 1e-9);
    }

    [Fact]
    public void Quantile_is_infinite_at_the_ends_and_nan_outside_zero_to_one()
    {
        Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.Quantile(1));
        Assert.True(double.IsNaN(StandardNormal.Quantile(-0.1)));
        Assert.True(double.IsNaN(StandardNormal.Quantile(1.1)));
        Assert.True(double.IsNaN(StandardNormal.Quantile(double.NaN)));
    }

    [Property]
    public bool Quantile_inverts_the_cdf(int k)
    {
        var z = (k % 8000) / 1000.0; // −7.999..7.999
        return Math.Abs(StandardNormal.Quantile(StandardNormal.Cdf(z)) - z) < 1e-6;
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.6, 0.20590321073206833)]
    [InlineData(3.841458820694124, 0.05)]
    [InlineData(6.4, 0.011412036386001656)]
    [InlineData(14.4, 0.00014780231033445412)]
    public void Chi_square_with_one_degree_of_freedom_is_the_squared_normal_tail(double x, double expected)
    {
        Assert.Equal(expected, StandardNormal.ChiSquareOneDegreeUpperTail(x), 1e-12);
    }

    [Fact]
    public void Chi_square_tail_is_one_at_and_below_zero_and_nan_for_nan()
    {
        Assert.Equal(1.0, StandardNormal.ChiSquareOneDegreeUpperTail(-3));
        Assert.True(double.IsNaN(StandardNormal.ChiSquareOneDegreeUpperTail(double.NaN)));
    }
}
