namespace CxDashboard.Web.Board;

/// <summary>The board's log messages.</summary>
internal static partial class BoardLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The board for {Month} could not be loaded.")]
    public static partial void LogBoardFailed(this ILogger logger, Exception exception, string month);
}
