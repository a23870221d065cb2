using CxDashboard.Core.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CxDashboard.Core.Tests;

public sealed class DoubleCountingTests
{
    private static readonly DriverScope Voice = new(ChannelId: 1);
    private static readonly DriverScope Chat = new(ChannelId: 2);

    private static DriverAmounts Driver(string name, ValueDriverType type, string kpi, DriverScope scope, params decimal[] monthly) =>
        new(name, type, kpi, scope, monthly);

    [Fact]
    public void Handle_time_and_repeat_contacts_on_the_same_channel_count_the_same_agent_hours_once()
    {
        // Month 1: 100 and 60 → 100; month 2: 50 and 80 → 80. Claimed twice: 60 + 50 = 110, all of it removed.
        var result = DoubleCounting.Adjust(
        [
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice, 100m, 50m),
            Driver("Repeat-contact avoidance, voice", ValueDriverType.RepeatContactAvoidance, "FCR", Voice, 60m, 80m),
        ]);

        Assert.Equal([160m, 130m], result.PlainTotal);
        Assert.Equal([100m, 80m], result.AdjustedTotal);
        var overlap = Assert.Single(result.Overlaps);
        Assert.Equal("Handle-time savings, voice", overlap.First);
        Assert.Equal("Repeat-contact avoidance, voice", overlap.Second);
        Assert.Contains("agent", overlap.Reason, StringComparison.Ordinal);
        Assert.Equal(110m, overlap.ClaimedTwice);
        Assert.Equal(110m, overlap.Removed);
        Assert.Equal(110m, result.Removed);
        Assert.Equal([100m, 0m], result.Counted[0]);
        Assert.Equal([0m, 80m], result.Counted[1]);
    }

    [Fact]
    public void Drivers_on_different_channels_do_not_overlap()
    {
        var result = DoubleCounting.Adjust(
        [
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice, 100m),
            Driver("Repeat-contact avoidance, chat", ValueDriverType.RepeatContactAvoidance, "FCR", Chat, 60m),
        ]);

        Assert.Empty(result.Overlaps);
        Assert.Equal([160m], result.AdjustedTotal);
    }

    [Fact]
    public void A_scope_of_all_channels_overlaps_each_channel()
    {
        Assert.True(DriverScope.All.Overlaps(Voice));
        Assert.True(new DriverScope(ChannelId: 1, PartnerId: 7).Overlaps(new DriverScope(SegmentId: 3)));
        Assert.False(new DriverScope(ChannelId: 1, PartnerId: 7).Overlaps(new DriverScope(ChannelId: 1, PartnerId: 8)));
    }

    [Fact]
    public void Cost_per_contact_already_contains_the_handle_time()
    {
        var reason = DoubleCounting.OverlapReason(
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice),
            Driver("Cost per contact", ValueDriverType.CostPerContact, "CPC", DriverScope.All));

        Assert.Equal("cost per contact already contains the handle time", reason);
    }

    [Fact]
    public void Cost_per_contact_already_contains_the_repeat_contacts()
    {
        var reason = DoubleCounting.OverlapReason(
            Driver("Cost per contact", ValueDriverType.CostPerContact, "CPC", Voice),
            Driver("Repeat-contact avoidance, voice", ValueDriverType.RepeatContactAvoidance, "FCR", Voice));

        Assert.Equal("cost per contact already contains the cost of repeat contacts", reason);
    }

    [Fact]
    public void Two_churn_methods_on_the_same_customers_overlap()
    {
        // Value of churn $3,500 and cohort churn $2,000 on the same churn KPI: $3,500 counts, $2,000 is removed.
        var result = DoubleCounting.Adjust(
        [
            Driver("Churn reduction, value of churn", ValueDriverType.ChurnValueOfChurn, "CHURN", DriverScope.All, 3_500m),
            Driver("Churn reduction, cohort", ValueDriverType.ChurnCohort, "CHURN", new DriverScope(SegmentId: 4), 2_000m),
        ]);

        var overlap = Assert.Single(result.Overlaps);
        Assert.Contains("churn methods", overlap.Reason, StringComparison.Ordinal);
        Assert.Equal([3_500m], result.AdjustedTotal);
        Assert.Equal(2_000m, overlap.Removed);
    }

    [Fact]
    public void Churn_methods_on_different_kpis_do_not_overlap()
    {
        Assert.Null(DoubleCounting.OverlapReason(
            Driver("Churn, consumer", ValueDriverType.ChurnFlat, "CHURN", DriverScope.All),
            Driver("Churn, renewals", ValueDriverType.ChurnCohort, "RENEWAL_CHURN", DriverScope.All)));
    }

    [Fact]
    public void Two_drivers_of_the_same_type_on_the_same_kpi_overlap_and_kpi_case_does_not_matter()
    {
        Assert.NotNull(DoubleCounting.OverlapReason(
            Driver("Conversion, web", ValueDriverType.ConversionLift, "CONV", DriverScope.All),
            Driver("Conversion, campaign", ValueDriverType.ConversionLift, "conv", DriverScope.All)));
    }

    [Fact]
    public void Unrelated_driver_types_do_not_overlap()
    {
        Assert.Null(DoubleCounting.OverlapReason(
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice),
            Driver("Conversion lift", ValueDriverType.ConversionLift, "CONV", Voice)));
        Assert.Null(DoubleCounting.OverlapReason(
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice),
            Driver("Deflection, voice", ValueDriverType.Deflection, "CONTAINMENT", Voice)));
    }

    [Fact]
    public void Three_drivers_claiming_one_change_count_the_largest_once_and_remove_each_of_the_others_once()
    {
        // 100, 90 and 80 for the same change: 100 counts. Pairwise subtraction would remove 90 + 80 + 80 = 250 of 270
        // and leave 20, less than any one of them; here 90 and 80 are removed once each.
        var result = DoubleCounting.Adjust(
        [
            Driver("AHT estimate A", ValueDriverType.HandleTimeSavings, "AHT", Voice, 100m),
            Driver("AHT estimate B", ValueDriverType.HandleTimeSavings, "AHT", Voice, 90m),
            Driver("AHT estimate C", ValueDriverType.HandleTimeSavings, "AHT", Voice, 80m),
        ]);

        Assert.Equal([100m], result.AdjustedTotal);
        Assert.Equal(3, result.Overlaps.Count);
        Assert.Equal([90m, 80m, 0m], result.Overlaps.Select(o => o.Removed));
        Assert.Equal([90m, 80m, 80m], result.Overlaps.Select(o => o.ClaimedTwice));
        Assert.Equal(170m, result.Removed);
    }

    [Fact]
    public void A_small_driver_overlapping_two_separate_ones_does_not_take_either_of_them_out()
    {
        // Voice 100 and chat 100 are separate agent hours; cost per contact over all channels (10) overlaps both.
        // Counting only the largest of the connected three would leave 100; here both channels count: 200.
        var result = DoubleCounting.Adjust(
        [
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice, 100m),
            Driver("Handle-time savings, chat", ValueDriverType.HandleTimeSavings, "AHT", Chat, 100m),
            Driver("Cost per contact", ValueDriverType.CostPerContact, "CPC", DriverScope.All, 10m),
        ]);

        Assert.Equal([200m], result.AdjustedTotal);
        Assert.Equal(2, result.Overlaps.Count);
        Assert.Equal(10m, result.Removed);
        // Ties go by name: chat counts first, so the cost per contact is removed on its account.
        Assert.Equal(
            ("Handle-time savings, chat", "Cost per contact", 10m),
            result.Overlaps.Where(o => o.Removed != 0).Select(o => (o.First, o.Second, o.Removed)).Single());
    }

    [Fact]
    public void A_gain_and_a_loss_are_not_netted_as_an_overlap()
    {
        var result = DoubleCounting.Adjust(
        [
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice, 100m),
            Driver("Repeat-contact avoidance, voice", ValueDriverType.RepeatContactAvoidance, "FCR", Voice, -40m),
        ]);

        Assert.Equal([60m], result.AdjustedTotal);
        Assert.Equal(0m, result.Overlaps.Single().ClaimedTwice);
        Assert.Equal(0m, result.Removed);
    }

    [Fact]
    public void Two_losses_on_the_same_change_count_the_larger_loss_once()
    {
        var result = DoubleCounting.Adjust(
        [
            Driver("Handle-time savings, voice", ValueDriverType.HandleTimeSavings, "AHT", Voice, -100m),
            Driver("Repeat-contact avoidance, voice", ValueDriverType.RepeatContactAvoidance, "FCR", Voice, -40m),
        ]);

        Assert.Equal([-100m], result.AdjustedTotal);
        Assert.Equal(-40m, result.Overlaps.Single().ClaimedTwice);
        Assert.Equal(-40m, result.Overlaps.Single().Removed);
    }

    [Fact]
    public void No_drivers_give_no_months_and_no_overlaps()
    {
        var result = DoubleCounting.Adjust([]);

        Assert.Empty(result.AdjustedTotal);
        Assert.Empty(result.Overlaps);
    }

    [Fact]
    public void Drivers_over_different_months_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DoubleCounting.Adjust(
        [
            Driver("A", ValueDriverType.HandleTimeSavings, "AHT", Voice, 1m, 2m),
            Driver("B", ValueDriverType.HandleTimeSavings, "AHT", Voice, 1m),
        ]));
    }

    private static Gen<DriverAmounts[]> DriverSets(int lowest) =>
        from months in Gen.Choose(1, 4)
        from count in Gen.Choose(1, 7)
        from drivers in (
            from type in Gen.Elements(
                ValueDriverType.HandleTimeSavings, ValueDriverType.RepeatContactAvoidance, ValueDriverType.CostPerContact,
                ValueDriverType.ChurnValueOfChurn, ValueDriverType.ChurnCohort, ValueDriverType.ChurnFlat, ValueDriverType.ConversionLift)
            from kpi in Gen.Elements("AHT", "FCR", "CPC", "CHURN")
            from channel in Gen.Elements<int?>(null, 1, 2)
            from partner in Gen.Elements<int?>(null, 1)
            from segment in Gen.Elements<int?>(null, 1, 1, 2)
            from name in Gen.Elements("A", "B", "C", "D")
            from cents in Gen.Choose(lowest, 10_000_000).ArrayOf(months)
            select new DriverAmounts(name, type, kpi, new DriverScope(channel, partner, segment), cents.Select(c => c / 100m).ToArray())
        ).ArrayOf(count)
        select drivers;

    [Property(MaxTest = 300)]
    public Property For_gains_the_adjusted_total_lies_between_the_largest_driver_and_the_plain_sum() =>
        Prop.ForAll(DriverSets(lowest: 0).ToArbitrary(), drivers =>
        {
            var result = DoubleCounting.Adjust(drivers);

            for (var m = 0; m < result.AdjustedTotal.Count; m++)
            {
                Assert.True(result.AdjustedTotal[m] <= result.PlainTotal[m]);
                Assert.True(result.AdjustedTotal[m] >= drivers.Max(d => d.Monthly[m]));
            }
        });

    [Property(MaxTest = 300)]
    public Property Each_overlap_is_removed_once_and_never_more_than_claimed_twice() =>
        Prop.ForAll(DriverSets(lowest: 0).ToArbitrary(), drivers =>
        {
            var result = DoubleCounting.Adjust(drivers);

            Assert.Equal(result.PlainTotal.Sum() - result.AdjustedTotal.Sum(), result.Overlaps.Sum(o => o.Removed));
            Assert.All(result.Overlaps, o => Assert.InRange(o.Removed, 0m, o.ClaimedTwice));
            // Every driver either counts in full or not at all in a month.
            for (var i = 0; i < drivers.Length; i++)
                for (var m = 0; m < drivers[i].Monthly.Count; m++)
                    Assert.Contains(result.Counted[i][m], new[] { 0m, drivers[i].Monthly[m] });
        });

    [Property(MaxTest = 300)]
    public Property With_gains_and_losses_the_removal_still_adds_up_and_no_two_counted_drivers_overlap() =>
        Prop.ForAll(DriverSets(lowest: -10_000_000).ToArbitrary(), drivers =>
        {
            var result = DoubleCounting.Adjust(drivers);

            Assert.Equal(result.PlainTotal.Sum() - result.AdjustedTotal.Sum(), result.Overlaps.Sum(o => o.Removed));
            for (var m = 0; m < result.AdjustedTotal.Count; m++)
            {
                var month = m;
                var counted = Enumerable.Range(0, drivers.Length).Where(i => result.Counted[i][month] != 0).ToList();
                foreach (var i in counted)
                    foreach (var j in counted.Where(j => j > i && Math.Sign(drivers[j].Monthly[month]) == Math.Sign(drivers[i].Monthly[month])))
                        Assert.Null(DoubleCounting.OverlapReason(drivers[i], drivers[j]));
                var gains = drivers.Where(d => d.Monthly[month] > 0).Select(d => d.Monthly[month]).DefaultIfEmpty(0m).Max();
                var counteds = counted.Select(i => result.Counted[i][month]);
                Assert.True(counteds.Where(a => a > 0).Sum() >= gains);
            }
        });

    [Property(MaxTest = 300)]
    public Property The_guard_reports_exactly_the_pairs_that_overlap_whether_scopes_are_named_or_wide() =>
        Prop.ForAll(DriverSets(lowest: -10_000_000).ToArbitrary(), drivers =>
        {
            var expected = new List<(string, string, string)>();
            for (var i = 0; i < drivers.Length; i++)
                for (var j = i + 1; j < drivers.Length; j++)
                    if (DoubleCounting.OverlapReason(drivers[i], drivers[j]) is { } reason)
                        expected.Add((drivers[i].Name, drivers[j].Name, reason));

            var result = DoubleCounting.Adjust(drivers);

            Assert.Equal(expected, result.Overlaps.Select(o => (o.First, o.Second, o.Reason)));
        });
}
