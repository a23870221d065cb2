using CxDashboard.Core.Time;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Kpis;

/// <summary>One KPI: its chart, breakdown, measurements, baselines and targets.</summary>
public sealed partial class KpiDetailPage
{
    private KpiDetailView? _view;
    private MeasurementView? _editing;
    private bool _notFound;

    [Inject] private KpiDetailService Details { get; set; } = default!;

    [Inject] private ILogger<KpiDetailPage> Logger { get; set; } = default!;

    /// <summary>The KPI's code from the address ("FCR").</summary>
    [Parameter]
    public string Code { get; set; } = "";

    /// <inheritdoc />
    protected override string? AddressKey => Code;

    private string TrackerHref =>
        "kpis?" + string.Join("&", new[]
        {
            Month is { } m ? "month=" + m : null,
            KpiFilter.Join(Filter.Channels) is { } c ? "channel=" + c : null,
            KpiFilter.Join(Filter.Partners) is { } p ? "partner=" + p : null,
            KpiFilter.Join(Filter.Segments) is { } s ? "segment=" + s : null,
        }.Where(x => x is not null));

    /// <inheritdoc />
    protected override async Task LoadAsync(YearMonth month, CancellationToken cancellationToken)
    {
        try
        {
            var view = await Details.GetAsync(Code, month, Filter, cancellationToken);
            if (cancellationToken.IsCancellationRequested) return;
            _notFound = view is null;
            if (view?.Kpi.Code != _view?.Kpi.Code) _editing = null;
            _view = view;
            Error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogDetailFailed(e, Code, month.ToString());
            _view = null;
            Error = $"{Code.ToUpperInvariant()} for {MonthLabel(month)} could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    /// <inheritdoc />
    protected override void ShowNoData()
    {
        _view = null;
        Error = "The store holds no KPI data yet. Load a month of measurements to see this KPI.";
    }
}
