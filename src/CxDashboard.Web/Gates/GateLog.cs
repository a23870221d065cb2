namespace CxDashboard.Web.Gates;

/// <summary>The review gates' and board pack's log messages.</summary>
internal static partial class GateLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The review gates of initiative {InitiativeId} could not be loaded.")]
    public static partial void LogGatesFailed(ILogger logger, Exception exception, int initiativeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A decision at the {Gate} gate of initiative {InitiativeId} could not be recorded.")]
    public static partial void LogDecisionFailed(ILogger logger, Exception exception, string gate, int initiativeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The board pack for {Month} could not be loaded.")]
    public static partial void LogPackFailed(ILogger logger, Exception exception, string month);
}
