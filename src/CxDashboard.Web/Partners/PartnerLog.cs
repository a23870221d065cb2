namespace CxDashboard.Web.Partners;

/// <summary>The partner comparison's log messages.</summary>
internal static partial class PartnerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The partner comparison for {Month} could not be loaded.")]
    public static partial void LogComparisonFailed(this ILogger logger, Exception exception, string month);
}
