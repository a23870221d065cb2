namespace CxDashboard.Web.Initiatives;

/// <summary>The initiative pages' log messages.</summary>
internal static partial class InitiativeLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The initiatives list could not be loaded.")]
    public static partial void ListFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Initiative {Id} could not be loaded.")]
    public static partial void InitiativeFailed(ILogger logger, Exception exception, int id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The business case of initiative {Id} could not be loaded.")]
    public static partial void BusinessCaseFailed(ILogger logger, Exception exception, int id);
}
