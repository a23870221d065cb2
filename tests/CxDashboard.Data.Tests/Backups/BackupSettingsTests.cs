using CxDashboard.Data.Backups;

namespace CxDashboard.Data.Tests.Backups;

/// <summary>The "Backups" settings: their defaults, the daily time across summer-time changes, and a wrong setting stopping start-up.</summary>
public sealed class BackupSettingsTests
{
    // Central European time: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.
    private static readonly TimeZoneInfo s_central = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Central", TimeSpan.FromHours(1), "Central European", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    [Fact]
    public void By_default_a_backup_is_taken_at_two_every_night_and_the_newest_14_are_kept_under_the_data_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "cxdashboard-root");

        var plan = BackupPlan.From(new BackupOptions(), new DatabaseOptions(), root);

        Assert.Equal(Path.Combine(root, "App_Data", "backups"), plan.Folder);
        Assert.Equal(new TimeOnly(2, 0), plan.Schedule.DailyAt);
        Assert.Equal(14, plan.Keep);
    }

    [Fact]
    public void A_relative_backup_folder_is_under_the_data_folder_and_an_absolute_one_is_taken_as_it_is()
    {
        var root = Path.Combine(Path.GetTempPath(), "cxdashboard-root");
        var elsewhere = Path.Combine(Path.GetTempPath(), "cxdashboard-backups-elsewhere");

        Assert.Equal(Path.Combine(root, "data", "copies"),
            BackupPlan.From(new BackupOptions { Folder = "copies" }, new DatabaseOptions { DataFolder = "data" }, root).Folder);
        Assert.Equal(elsewhere,
            BackupPlan.From(new BackupOptions { Folder = elsewhere }, new DatabaseOptions(), root).Folder);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData(" OFF ")]
    public void Off_means_no_scheduled_backup(string text)
    {
        var schedule = BackupSchedule.Parse(text);

        Assert.True(schedule.IsOff);
        Assert.Null(schedule.NextAfter(DateTimeOffset.UtcNow, s_central));
    }

    [Theory]
    [InlineData("2am")]
    [InlineData("25:00")]
    [InlineData("02:00:00")]
    [InlineData("")]
    [InlineData("nightly")]
    public void A_schedule_that_is_not_a_time_of_day_stops_start_up_with_the_fix(string text)
    {
        var error = Assert.Throws<StartupException>(() => BackupPlan.From(new BackupOptions { Schedule = text }, new DatabaseOptions(), "."));

        Assert.Equal(
            $"Backups:Schedule is \"{text}\", which is not a time of day: write it as HH:mm on a 24-hour clock in the server's local time (the default is \"02:00\"), or \"off\" for no scheduled backup.",
            error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Keeping_fewer_than_one_backup_stops_start_up_with_the_fix(int keep)
    {
        var error = Assert.Throws<StartupException>(() => BackupPlan.From(new BackupOptions { Keep = keep }, new DatabaseOptions(), "."));

        Assert.StartsWith($"Backups:Keep is {keep}: set it to how many backups to keep, 1 or more", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // now (UTC)             expected next run (UTC); 02:00 local is 01:00 UTC in winter, 00:00 UTC in summer
    [InlineData("2026-01-15T00:30:00Z", "2026-01-15T01:00:00Z")] // before today's time: today
    [InlineData("2026-01-15T01:00:00Z", "2026-01-16T01:00:00Z")] // at it: tomorrow
    [InlineData("2026-01-15T13:00:00Z", "2026-01-16T01:00:00Z")] // after it: tomorrow
    [InlineData("2026-07-15T23:30:00Z", "2026-07-16T00:00:00Z")] // local 01:30 the next day, summer time
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01T01:00:00Z")] // across the year's end
    public void The_scheduled_backup_runs_next_at_the_set_local_time(string now, string expected)
    {
        var schedule = BackupSchedule.Parse("02:00");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            schedule.NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), s_central));
    }

    [Fact]
    public void On_the_night_the_clock_skips_the_set_time_the_backup_runs_when_it_springs_forward()
    {
        // 29 March 2026: 02:00 local becomes 03:00, so 02:30 never happens; 03:00 CEST is 01:00 UTC.
        var next = BackupSchedule.Parse("02:30").NextAfter(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), s_central);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void On_the_night_the_clock_reads_the_set_time_twice_the_backup_runs_once_the_first_time()
    {
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 comes at 00:30 and 01:30 UTC.
        var schedule = BackupSchedule.Parse("02:30");

        var first = schedule.NextAfter(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), s_central);
        var after = schedule.NextAfter(first!.Value, s_central);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), after);
    }
}
