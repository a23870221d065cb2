using CxDashboard.Core.Scenarios;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// The returns of one initiative, in the scenario the reader picks: its figures with their lineage, the cash-flow table,
/// the scenarios side by side, the tornado, realized against projected value, how the value is known, and what it rests on.
/// </summary>
public sealed partial class ReturnsTab : IDisposable
{
    private ScenarioKind _scenario = ScenarioKind.Base;
    private ReturnsTabView? _view;
    private bool _notFound;
    private bool _loading;
    private string? _error;
    private int? _loadedId;
    private CancellationTokenSource? _load;

    [Inject] private InitiativeReturnsService Returns { get; set; } = default!;

    [Inject] private ILogger<ReturnsTab> Logger { get; set; } = default!;

    /// <summary>The initiative whose returns are shown.</summary>
    [Parameter, EditorRequired]
    public int InitiativeId { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == InitiativeId) return;
        _loadedId = InitiativeId;
        await LoadAsync();
    }

    private async Task ChooseAsync(ScenarioKind scenario)
    {
        _scenario = scenario;
        await LoadAsync();
    }

    /// <summary>Loads the chosen scenario; a newer load wins over one still running.</summary>
    private async Task LoadAsync()
    {
        if (_load is not null) await _load.CancelAsync();
        _load?.Dispose();
        _load = new CancellationTokenSource();
        var token = _load.Token;
        _loading = true;
        try
        {
            var view = await Returns.GetAsync(InitiativeId, _scenario, token);
            if (token.IsCancellationRequested) return;
            _notFound = view is null;
            _view = view;
            _error = null;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogReturnsFailed(e, InitiativeId);
            _view = null;
            _error = "The returns could not be computed: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
        finally
        {
            if (!token.IsCancellationRequested) _loading = false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _load?.Cancel();
        _load?.Dispose();
    }
}
