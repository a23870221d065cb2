using CxDashboard.Core.Time;

namespace CxDashboard.Core.Tests;

public sealed class YearMonthTests
{
    [Fact]
    public void Parses_year_dash_month()
    {
        Assert.True(YearMonth.TryParse("2025-11", out var month));
        Assert.Equal(new YearMonth(2025, 11), month);
        Assert.Equal(2025, month.Year);
        Assert.Equal(11, month.Month);
    }

    [Fact]
    public void Writes_year_dash_month_with_leading_zeros()
    {
        Assert.Equal("2025-01", new YearMonth(2025, 1).ToString());
        Assert.Equal("0999-12", new YearMonth(999, 12).ToString());
    }

    [Theory]
    [InlineData("2025-01")]
    [InlineData("1999-12")]
    [InlineData("9999-12")]
    public void Text_round_trips(string text)
    {
        Assert.True(YearMonth.TryParse(text, out var month));
        Assert.Equal(text, month.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-1")]
    [InlineData("abcd-ef")]
    [InlineData("0000-01")]
    [InlineData("2025/11")]
    [InlineData("2025-11-01")]
    [InlineData("+025-11")]
    [InlineData("2025--1")]
    [InlineData(" 2025-1")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_text_that_is_not_a_month(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out var month));
        Assert.Equal(default, month);
    }

    [Theory]
    [InlineData(2025, 0)]
    [InlineData(2025, 13)]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    public void Cannot_be_created_outside_the_calendar(int year, int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearMonth(year, month));
    }

    [Fact]
    public void Adding_months_crosses_into_the_next_year()
    {
        Assert.Equal(new YearMonth(2026, 2), new YearMonth(2025, 11).AddMonths(3));
        Assert.Equal(new YearMonth(2026, 1), new YearMonth(2025, 12).AddMonths(1));
        Assert.Equal(new YearMonth(2027, 11), new YearMonth(2025, 11).AddMonths(24));
    }

    [Fact]
    public void Subtracting_months_crosses_into_the_previous_year()
    {
        Assert.Equal(new YearMonth(2024, 12), new YearMonth(2025, 1).AddMonths(-1));
        Assert.Equal(new YearMonth(2023, 12), new YearMonth(2025, 1).AddMonths(-13));
        Assert.Equal(new YearMonth(2025, 1), new YearMonth(2025, 1).AddMonths(0));
    }

    [Fact]
    public void Months_until_counts_whole_months_and_is_negative_backwards()
    {
        var november = new YearMonth(2025, 11);

        Assert.Equal(0, november.MonthsUntil(november));
        Assert.Equal(3, november.MonthsUntil(new YearMonth(2026, 2)));
        Assert.Equal(-3, new YearMonth(2026, 2).MonthsUntil(november));
        Assert.Equal(13, new YearMonth(2024, 12).MonthsUntil(new YearMonth(2026, 1)));
    }

    [Fact]
    public void Key_is_year_times_100_plus_month_and_round_trips()
    {
        var month = new YearMonth(2025, 11);

        Assert.Equal(202511, month.Key);
        Assert.Equal(month, YearMonth.FromKey(month.Key));
        Assert.Equal(new YearMonth(2026, 1), YearMonth.FromKey(202601));
    }

    [Theory]
    [InlineData(202513)]
    [InlineData(202500)]
    public void A_key_that_is_not_a_month_is_rejected(int key)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMonth.FromKey(key));
    }

    [Fact]
    public void Range_includes_both_ends()
    {
        var months = YearMonth.Range(new YearMonth(2025, 11), new YearMonth(2026, 2)).Select(m => m.ToString()).ToList();

        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], months);
    }

    [Fact]
    public void Range_is_empty_when_the_last_month_is_before_the_first()
    {
        Assert.Empty(YearMonth.Range(new YearMonth(2026, 2), new YearMonth(2025, 11)));
    }

    [Fact]
    public void Months_order_by_calendar()
    {
        var december = new YearMonth(2024, 12);
        var january = new YearMonth(2025, 1);

        Assert.True(december < january);
        Assert.True(january > december);
        Assert.True(january <= new YearMonth(2025, 1));
        Assert.True(december <= january);
        Assert.True(january >= december);
        Assert.True(december.CompareTo(january) < 0);
        Assert.Equal([december, january], new[] { january, december }.Order());
    }
}
