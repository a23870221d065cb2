using CxDashboard.Core.Gates;
using CxDashboard.Core.Time;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Gates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// An initiative's Gates tab: its three review gates on a timeline, as of the month picked in the app bar, each with its
/// status, its attainment's lineage and its decisions; editors record a new decision at any gate.
/// </summary>
public sealed partial class GatesTab : IDisposable
{
    private GatesView? _view;
    private string? _error;
    private bool _notFound;
    private CancellationTokenSource? _loading;
    private int _shown = -1;

    [Inject] private ReviewGateService Gates { get; set; } = default!;

    [Inject] private MonthSelection Months { get; set; } = default!;

    [Inject] private ILogger<GatesTab> Logger { get; set; } = default!;

    /// <summary>The initiative whose gates are shown.</summary>
    [Parameter, EditorRequired]
    public int InitiativeId { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized() => Months.Changed += OnMonthChanged;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (InitiativeId == _shown) return;
        _shown = InitiativeId;
        _view = null;
        await LoadAsync();
    }

    private Task OnMonthChanged() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private Task OnRecordedAsync() => LoadAsync();

    /// <summary>Loads the gates as of the selected month; a newer load cancels an older one.</summary>
    private async Task LoadAsync()
    {
        if (_loading is not null) await _loading.CancelAsync();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        try
        {
            await Months.EnsureLoadedAsync();
            if (Months.Selected is not { } month)
            {
                _error = "The store holds no KPI data yet, so no gate can be judged. Load a month of measurements first.";
                return;
            }

            var view = await Gates.GetAsync(InitiativeId, month, token);
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
            GateLog.LogGatesFailed(Logger, e, InitiativeId);
            _view = null;
            _error = "The review gates could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    private static Color DotColor(GateStatus status) => status switch
    {
        GateStatus.OnTrack => Color.Success,
        GateStatus.AtRisk => Color.Warning,
        GateStatus.OffTrack => Color.Error,
        GateStatus.Pending => Color.Info,
        _ => Color.Default,
    };

    private static string DotIcon(GateStatus status) => status switch
    {
        GateStatus.OnTrack => Icons.Material.Filled.Check,
        GateStatus.AtRisk => Icons.Material.Filled.PriorityHigh,
        GateStatus.OffTrack => Icons.Material.Filled.Close,
        GateStatus.Pending => Icons.Material.Outlined.Schedule,
        _ => Icons.Material.Outlined.HelpOutline,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Months.Changed -= OnMonthChanged;
        _loading?.Cancel();
        _loading?.Dispose();
    }
}
