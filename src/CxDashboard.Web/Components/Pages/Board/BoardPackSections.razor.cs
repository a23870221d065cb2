using CxDashboard.Core.Time;
using CxDashboard.Web.Board;
using CxDashboard.Web.BoardPack;
using CxDashboard.Web.Gates;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Board;

/// <summary>
/// Loads and shows the board pack's sections with each board the page loads (another month, or the same month again
/// after a restore); a newer load cancels an older one.
/// </summary>
public sealed partial class BoardPackSections : IDisposable
{
    private BoardPackView? _view;
    private string? _error;
    private BoardView? _shown;
    private CancellationTokenSource? _loading;

    [Inject] private BoardPackService Pack { get; set; } = default!;

    [Inject] private ILogger<BoardPackSections> Logger { get; set; } = default!;

    /// <summary>The board on the page: the pack is loaded again whenever the page loads a board.</summary>
    [Parameter, EditorRequired]
    public BoardView Board { get; set; } = default!;

    /// <summary>The board page's computation of <see cref="Board"/>, taken once so the pack does not repeat it; null: computed here.</summary>
    [Parameter]
    public ComputedBoardHandOff? Computed { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // Below the board's first screen: the prerendered page goes out without the pack's sections (a loading bar
        // holds their place), and the interactive circuit loads them, so the first paint waits for the board alone.
        if (!RendererInfo.IsInteractive || ReferenceEquals(Board, _shown)) return;
        _shown = Board;
        if (!YearMonth.TryParse(Board.Month, out var month)) return;

        if (_loading is not null) await _loading.CancelAsync();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        try
        {
            var view = await Pack.GetAsync(month, Computed?.Take(month), token);
            if (token.IsCancellationRequested) return;
            _view = view;
            _error = null;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GateLog.LogPackFailed(Logger, e, Board.Month);
            _view = null;
            _error = "Realized against projected value and the review gates could not be loaded: the data store did not answer as expected. The figures above are not affected; reload the board in a moment.";
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
    }
}
