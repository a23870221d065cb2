using CxDashboard.Core.Time;
using CxDashboard.Web.BoardPack;
using CxDashboard.Web.Gates;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Board;

/// <summary>Loads and shows the board pack's sections for the board's month; a newer month cancels an older load.</summary>
public sealed partial class BoardPackSections : IDisposable
{
    private BoardPackView? _view;
    private string? _error;
    private string? _shown;
    private CancellationTokenSource? _loading;

    [Inject] private BoardPackService Pack { get; set; } = default!;

    [Inject] private ILogger<BoardPackSections> Logger { get; set; } = default!;

    /// <summary>The board's month, "YYYY-MM".</summary>
    [Parameter, EditorRequired]
    public string Month { get; set; } = "";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (Month == _shown) return;
        _shown = Month;
        if (!YearMonth.TryParse(Month, out var month)) return;

        if (_loading is not null) await _loading.CancelAsync();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        try
        {
            var view = await Pack.GetAsync(month, token);
            if (token.IsCancellationRequested) return;
            _view = view;
            _error = null;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GateLog.LogPackFailed(Logger, e, Month);
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
