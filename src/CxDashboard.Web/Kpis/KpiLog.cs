namespace CxDashboard.Web.Kpis;

/// <summary>The KPI pages' log messages.</summary>
internal static partial class KpiLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The KPI tracker for {Month} could not be loaded.")]
    public static partial void LogTrackerFailed(this ILogger logger, Exception exception, string month);

    [LoggerMessage(Level = LogLevel.Error, Message = "The KPI page of {Code} for {Month} could not be loaded.")]
    public static partial void LogDetailFailed(this ILogger logger, Exception exception, string code, string month);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change to {What} could not be saved.")]
    public static partial void LogSaveFailed(this ILogger logger, Exception exception, string what);
}
