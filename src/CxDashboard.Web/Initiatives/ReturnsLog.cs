namespace CxDashboard.Web.Initiatives;

/// <summary>Log messages of the returns tab and the what-if page.</summary>
internal static partial class ReturnsLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The returns of initiative {InitiativeId} could not be loaded.")]
    public static partial void LogReturnsFailed(this ILogger logger, Exception exception, int initiativeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The what-if page could not load the organisation's KPIs and channels.")]
    public static partial void LogWhatIfSetUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The what-if business case {Name} could not be saved.")]
    public static partial void LogWhatIfSaveFailed(this ILogger logger, Exception exception, string name);
}
