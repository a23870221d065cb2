using System.Collections.Concurrent;
using System.Globalization;

namespace CxDashboard.Data.Imports;

/// <summary>What is importing (or undoing) right now, for the message a second import gets while it waits.</summary>
/// <param name="Work">"import of kpis.csv", "undo of import #7".</param>
/// <param name="UserName">Who started it.</param>
/// <param name="Since">When it started.</param>
internal sealed record ImportInProgress(string Work, string UserName, DateTimeOffset Since)
{
    /// <summary>The import's number once its row is written.</summary>
    public long? ImportId { get; set; }

    public string Describe() =>
        $"{(ImportId is { } id ? $"import #{id.ToString(CultureInfo.InvariantCulture)} ({Work})" : Work)} by {UserName}, running since {Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
}

/// <summary>
/// One import or undo at a time per store within this process (a second waits its turn, up to a limit); on
/// PostgreSQL the importer also takes a transaction-level advisory lock, for other app instances.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One turn per store for the life of the process, like the store itself; a semaphore without a wait handle holds nothing to release.")]
internal sealed class ImportTurn
{
    private static readonly ConcurrentDictionary<string, ImportTurn> s_turns = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ImportInProgress? _current;

    private ImportTurn()
    {
    }

    /// <summary>The turn of the store reached with <paramref name="connectionString"/>, shared by every importer over it.</summary>
    public static ImportTurn Of(string connectionString) => s_turns.GetOrAdd(connectionString, _ => new ImportTurn());

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the turn. Throws <see cref="ImportRefusedException"/> naming the work
    /// that holds it when the wait runs out.
    /// </summary>
    public async Task<Held> TakeAsync(ImportInProgress work, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(wait, cancellationToken))
        {
            var running = _current?.Describe() ?? "another import";
            throw new ImportRefusedException(
                $"Another import is still running: {running}. Nothing was stored from {work.Work}; load it again when that one has finished (the import history shows it).");
        }

        _current = work;
        return new Held(this);
    }

    /// <summary>The turn, until disposed.</summary>
    internal sealed class Held(ImportTurn turn) : IDisposable
    {
        private ImportTurn? _turn = turn;

        public void Dispose()
        {
            if (_turn is not { } turn) return;
            _turn = null;
            turn._current = null;
            turn._gate.Release();
        }
    }
}
