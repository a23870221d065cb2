using System.Collections.Concurrent;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using CxDashboard.Web.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxDashboard.Web.Tests.Backups;

/// <summary>The nightly backup runs at the set local time every day, and a failed one neither stops it nor the app.</summary>
public sealed class ScheduledBackupTests
{
    private static readonly DateTimeOffset s_oneAm = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_nightly_backup_is_taken_at_the_set_time_every_day()
    {
        await using var store = await BackupStore.CreateAsync();
        var clock = new ManualClock(s_oneAm);
        await using var services = Services(store, clock, new LogEntries());
        var schedule = services.GetServices<IHostedService>().OfType<ScheduledBackup>().Single();

        await schedule.StartAsync(CancellationToken.None);
        await clock.WaitForTimerAsync();
        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.Empty(await store.ListAsync());

        clock.Advance(TimeSpan.FromMinutes(1)); // 02:00
        var first = await WaitForBackupsAsync(store, 1);
        await clock.WaitForTimerAsync();
        clock.Advance(TimeSpan.FromDays(1));
        var second = await WaitForBackupsAsync(store, 2);

        await schedule.StopAsync(CancellationToken.None);
        Assert.Equal("nightly", first.Single().Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), first.Single().Created);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), second[0].Created);
    }

    [Fact]
    public async Task A_failed_nightly_backup_is_logged_and_the_next_night_is_tried()
    {
        await using var store = await BackupStore.CreateAsync();
        var clock = new ManualClock(s_oneAm);
        var log = new LogEntries();
        await using var services = Services(store, clock, log);
        var schedule = services.GetServices<IHostedService>().OfType<ScheduledBackup>().Single();
        SqliteConnection.ClearAllPools();
        var away = store.FilePath + ".away";
        File.Move(store.FilePath, away);

        await schedule.StartAsync(CancellationToken.None);
        await clock.WaitForTimerAsync();
        clock.Advance(TimeSpan.FromHours(1));
        await WaitForAsync(() => log.Errors.Any());
        File.Move(away, store.FilePath);
        await clock.WaitForTimerAsync();
        clock.Advance(TimeSpan.FromDays(1));
        var backups = await WaitForBackupsAsync(store, 1);

        await schedule.StopAsync(CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), backups.Single().Created);
        Assert.StartsWith("The scheduled backup of the store failed (There is no store to back up", log.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_schedule_off_no_backup_is_ever_taken()
    {
        await using var store = await BackupStore.CreateAsync();
        var clock = new ManualClock(s_oneAm);
        await using var services = Services(store, clock, new LogEntries(), schedule: "off");
        var schedule = services.GetServices<IHostedService>().OfType<ScheduledBackup>().Single();

        await schedule.StartAsync(CancellationToken.None);

        await schedule.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, clock.Timers);
        Assert.Empty(await store.ListAsync());
    }

    private static ServiceProvider Services(BackupStore store, ManualClock clock, LogEntries log, string schedule = "02:00")
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        store.AddStoreServices(services);
        services.AddLogging(b => b.AddProvider(log));
        services.AddCxScheduledBackups();
        // The plan registered last is the one used: the same store and folder, with this schedule.
        services.AddSingleton(BackupPlan.From(new BackupOptions { Schedule = schedule }, new DatabaseOptions { DataFolder = store.Folder }, store.Folder));
        return services.BuildServiceProvider();
    }

    private static async Task<IReadOnlyList<StoreBackup>> WaitForBackupsAsync(BackupStore store, int count)
    {
        IReadOnlyList<StoreBackup> backups = [];
        await WaitForAsync(async () => (backups = await store.ListAsync()).Count >= count);
        return backups;
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(20))
        {
            if (await condition()) return;
            await Task.Delay(20);
        }

        throw new TimeoutException("The scheduled backup did not do what was expected in time.");
    }

    /// <summary>A clock that moves only when told, with the timers <c>Task.Delay</c> creates on it; local time is UTC.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private readonly Lock _gate = new();
        private readonly List<ManualTimer> _timers = [];
        private DateTimeOffset _now = start;

        public int Timers
        {
            get
            {
                lock (_gate) return _timers.Count;
            }
        }

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate) return _now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        /// <summary>Waits until someone waits on this clock.</summary>
        public Task WaitForTimerAsync() => WaitForAsync(() => Timers > 0);

        public void Advance(TimeSpan by)
        {
            List<ManualTimer> due;
            lock (_gate)
            {
                _now += by;
                due = _timers.Where(t => t.Due <= _now).ToList();
                foreach (var timer in due) _timers.Remove(timer);
            }

            foreach (var timer in due) timer.Fire();
        }

        private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
        {
            public DateTimeOffset Due { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (clock._gate)
                {
                    clock._timers.Remove(this);
                    if (dueTime == Timeout.InfiniteTimeSpan) return true;
                    Due = clock._now + dueTime;
                    clock._timers.Add(this);
                }

                return true;
            }

            public void Fire() => callback(state);

            public void Dispose()
            {
                lock (clock._gate) clock._timers.Remove(this);
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    /// <summary>The error messages logged, as written.</summary>
    private sealed class LogEntries : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IEnumerable<string> Errors => _errors;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogEntries entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error) entries._errors.Enqueue(formatter(state, exception));
            }
        }
    }
}
