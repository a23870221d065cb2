using Microsoft.Extensions.Logging;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>The SignalR client's warnings and errors on standard error, so a circuit that fails says why.</summary>
internal sealed class ClientLog(LogLevel least) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= least;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel)) Console.Error.WriteLine($"signalr {logLevel}: {formatter(state, exception)} {exception?.Message}");
    }

    public void Dispose()
    {
    }
}
