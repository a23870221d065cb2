using CxDashboard.Core.Money;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests;

/// <summary>
/// A backlog of five contact intents (seed 001: "tag the top five intents by frequency and margin exposure"):
/// billing confusion 12,000 × 0.3 × $45 = $162,000; failed deliveries 8,000 × 0.5 × $30 = $120,000;
/// unclear pricing language 20,000 × 0.1 × $60 = $120,000; password reset 30,000 × 0.05 × $20 = $30,000;
/// order status 25,000 × 0.02 × $25 = $12,500.
/// </summary>
public sealed class ExpectedValueOfFixTests
{
    private static readonly ContactIntent Billing = new("Billing confusion", 12_000m, 0.3m, 45m);
    private static readonly ContactIntent Deliveries = new("Failed deliveries", 8_000m, 0.5m, 30m);
    private static readonly ContactIntent Pricing = new("Unclear pricing language", 20_000m, 0.1m, 60m);
    private static readonly ContactIntent Password = new("Password reset", 30_000m, 0.05m, 20m);
    private static readonly ContactIntent OrderStatus = new("Order status", 25_000m, 0.02m, 25m);

    [Fact]
    public void Expected_value_is_frequency_times_probability_times_margin()
    {
        var value = ExpectedValueOfFix.Compute(Billing);

        Assert.Equal(162_000m, value.Value);
        Assert.Equal(FigureUnit.Money, value.Unit);
        Assert.Equal("{0} × {1} × {2} = {result}", value.Template);
        Assert.Equal([12_000m, 0.3m, 45m], value.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void Backlog_is_ranked_by_expected_value_with_ties_by_name()
    {
        var ranked = ExpectedValueOfFix.Rank([OrderStatus, Pricing, Password, Deliveries, Billing]);

        Assert.Equal(
            ["Billing confusion", "Failed deliveries", "Unclear pricing language", "Password reset", "Order status"],
            ranked.Select(r => r.Intent.Name));
        Assert.Equal([162_000m, 120_000m, 120_000m, 30_000m, 12_500m], ranked.Select(r => r.ExpectedValue.Value!.Value));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Ranking_does_not_depend_on_backlog_order()
    {
        var forward = ExpectedValueOfFix.Rank([Billing, Deliveries, Pricing, Password, OrderStatus]);
        var backward = ExpectedValueOfFix.Rank([OrderStatus, Password, Pricing, Deliveries, Billing]);

        Assert.Equal(forward.Select(r => r.Intent), backward.Select(r => r.Intent));
    }

    [Fact]
    public void Name_ties_ignore_case_and_same_names_keep_backlog_order()
    {
        var first = new ContactIntent("refunds", 100m, 0.5m, 10m);
        var second = new ContactIntent("Refunds", 100m, 0.5m, 10m);
        var third = new ContactIntent("refunds", 50m, 1m, 10m);
        var alpha = new ContactIntent("Address change", 100m, 0.5m, 10m);

        var ranked = ExpectedValueOfFix.Rank([first, third, second, alpha]);

        Assert.Equal([alpha, second, first, third], ranked.Select(r => r.Intent));
    }

    [Fact]
    public void An_intent_with_invalid_inputs_is_not_applicable_and_ranked_last_without_a_rank()
    {
        var broken = new ContactIntent("Account closure", -5m, 0.5m, 100m);
        var unlikely = new ContactIntent("Warranty", 100m, 1.5m, 100m);

        var ranked = ExpectedValueOfFix.Rank([broken, OrderStatus, unlikely, Billing]);

        Assert.Equal([Billing, OrderStatus, broken, unlikely], ranked.Select(r => r.Intent));
        Assert.Equal([1, 2], ranked.Take(2).Select(r => r.Rank!.Value));
        Assert.All(ranked.Skip(2), r => Assert.Null(r.Rank));
        Assert.Equal("The intent's frequency is negative.", ranked[2].ExpectedValue.NotApplicableReason);
        Assert.Contains("between 0 and 1", ranked[3].ExpectedValue.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_probability_fix_is_worth_zero_and_a_negative_margin_ranks_below_it()
    {
        var hopeless = new ContactIntent("Hopeless", 1_000m, 0m, 50m);
        var costly = new ContactIntent("Costly", 1_000m, 0.1m, -20m);

        var ranked = ExpectedValueOfFix.Rank([costly, hopeless]);

        Assert.Equal(0m, ranked[0].ExpectedValue.Value);
        Assert.Equal(-2_000m, ranked[1].ExpectedValue.Value);
        Assert.Equal(costly, ranked[1].Intent);
    }

    [Fact]
    public void An_empty_backlog_ranks_to_an_empty_list()
    {
        Assert.Empty(ExpectedValueOfFix.Rank([]));
    }
}
