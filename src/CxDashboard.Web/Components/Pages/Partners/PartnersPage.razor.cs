using CxDashboard.Core.Time;
using CxDashboard.Web.Components.Pages.Kpis;
using CxDashboard.Web.Partners;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Partners;

/// <summary>The steering groups' partner comparison for the selected month (the app bar's picker, or the address).</summary>
public sealed partial class PartnersPage : KpiPageBase
{
    private PartnerComparisonView? _view;

    [Inject] private PartnerComparisonService Comparison { get; set; } = default!;

    [Inject] private ILogger<PartnersPage> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task LoadAsync(YearMonth month, CancellationToken cancellationToken)
    {
        try
        {
            var view = await Comparison.GetAsync(month, cancellationToken);
            if (cancellationToken.IsCancellationRequested) return;
            _view = view;
            Error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogComparisonFailed(e, month.ToString());
            _view = null;
            Error = $"The partners for {MonthLabel(month)} could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    /// <inheritdoc />
    protected override void ShowNoData()
    {
        _view = null;
        Error = "The store holds no KPI data yet. Load a month of measurements to compare the partners.";
    }
}
