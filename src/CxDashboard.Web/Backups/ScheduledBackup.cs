using CxDashboard.Data.Backups;

namespace CxDashboard.Web.Backups;

/// <summary>
/// Takes the "nightly" backup every day at Backups:Schedule, local time. A failed backup is logged and the
/// next one is tried the following day: a backup never stops the app.
/// </summary>
public sealed partial class ScheduledBackup(StoreBackups backups, TimeProvider time, ILogger<ScheduledBackup> logger) : BackgroundService
{
    // Waits are cut into steps of at most this, so a clock that was set or a machine that slept is noticed.
    private static readonly TimeSpan s_longestWait = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (backups.NotAvailableReason is { } reason)
        {
            LogNotAvailable(logger, reason);
            return;
        }

        var schedule = backups.Plan.Schedule;
        if (schedule.IsOff)
        {
            LogOff(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow(), time.LocalTimeZone)!.Value;
            var local = TimeZoneInfo.ConvertTime(next, time.LocalTimeZone);
            LogNext(logger, local);
            try
            {
                await WaitUntilAsync(next, stoppingToken);
                await backups.CreateAsync("nightly", stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever went wrong, the app carries on and tomorrow's backup is tried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e, e is BackupException ? e.Message : "see the exception");
            }
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var now = time.GetUtcNow(); now < at; now = time.GetUtcNow())
        {
            var wait = at - now;
            await Task.Delay(wait < s_longestWait ? wait : s_longestWait, time, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No scheduled backups: {Reason}")]
    private static partial void LogNotAvailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "No scheduled backups: Backups:Schedule is \"off\".")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The next scheduled backup of the store is at {At:yyyy-MM-dd HH:mm zzz}.")]
    private static partial void LogNext(ILogger logger, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled backup of the store failed ({Why}); the next one is tried tomorrow.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string why);
}
