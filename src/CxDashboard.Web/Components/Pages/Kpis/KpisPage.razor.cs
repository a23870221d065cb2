using CxDashboard.Core.Time;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Kpis;

/// <summary>The CX managers' KPI tracker: every KPI for the selected month and filter.</summary>
public sealed partial class KpisPage
{
    private KpiTrackerView? _view;
    private string? _search;

    [Inject] private KpiTrackerService Tracker { get; set; } = default!;

    [Inject] private ILogger<KpisPage> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task LoadAsync(YearMonth month, CancellationToken cancellationToken)
    {
        try
        {
            var view = await Tracker.GetAsync(month, Filter, cancellationToken);
            if (cancellationToken.IsCancellationRequested) return;
            _view = view;
            Error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogTrackerFailed(e, month.ToString());
            _view = null;
            Error = $"The KPIs for {MonthLabel(month)} could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    /// <inheritdoc />
    protected override void ShowNoData()
    {
        _view = null;
        Error = "The store holds no KPI data yet. Load a month of measurements to track the KPIs.";
    }
}
