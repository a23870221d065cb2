using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Web.Board;
using CxDashboard.Web.Partners;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Partners;

/// <summary>The compact partner comparison the board embeds: it loads the month it is given from the partner comparison's service.</summary>
public sealed partial class PartnerComparison : IDisposable
{
    private static readonly string[] Compared = [KpiCatalog.Cpc, KpiCatalog.Fcr, KpiCatalog.Csat];
    private PartnerComparisonView? _view;
    private string? _error;
    private string? _loaded;
    private ComputedBoardHandOff? _handedFrom;
    private CancellationTokenSource? _loading;

    [Inject] private PartnerComparisonService Comparison { get; set; } = default!;

    [Inject] private ILogger<PartnerComparison> Logger { get; set; } = default!;

    /// <summary>The month to compare, as "YYYY-MM" (the board's month).</summary>
    [Parameter, EditorRequired]
    public string Month { get; set; } = "";

    /// <summary>
    /// The board page's computation of the month's board, taken once so the comparison starts from the board's own reads;
    /// a new one (the page loaded its board again, after a restore too) loads the comparison again. Null: read here.
    /// </summary>
    [Parameter]
    public ComputedBoardHandOff? Computed { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // Below the board's first screen: the prerendered page goes out without it (its loading bar shows), and the
        // interactive circuit loads it, so the first paint waits for the board's own figures only.
        if (!RendererInfo.IsInteractive || Month == _loaded && ReferenceEquals(Computed, _handedFrom)) return;
        _loaded = Month;
        _handedFrom = Computed;
        if (_loading is not null) await _loading.CancelAsync();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        _view = null;
        _error = null;
        if (!YearMonth.TryParse(Month, out var month))
        {
            _error = $"\"{Month}\" is not a month, so the partners cannot be compared.";
            return;
        }

        try
        {
            var view = await Comparison.GetAsync(month, Computed?.Take(month), token);
            if (!token.IsCancellationRequested) _view = view;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogComparisonFailed(e, Month);
            _error = "The partner comparison could not be loaded: the data store did not answer as expected. Try again in a moment; the rest of the board is unaffected.";
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
    }
}
