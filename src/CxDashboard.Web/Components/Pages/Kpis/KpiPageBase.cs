using CxDashboard.Core.Time;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Kpis;

/// <summary>
/// What the KPI pages share: the month comes from the app bar's picker (or the address, so a link opens the same
/// view), the channel, partner and segment filter from the address, and a newer load always wins over an older one.
/// The address is kept in step with what is shown, so the page can be shared as a link.
/// </summary>
public abstract class KpiPageBase : ComponentBase, IDisposable
{
    private CancellationTokenSource? _loading;
    private string? _addressSeen;
    private bool _initialised;

    [Inject] private MonthSelection Months { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>An optional month from the address ("?month=2026-10").</summary>
    [SupplyParameterFromQuery(Name = "month")]
    public string? MonthFromAddress { get; set; }

    /// <summary>Channel codes from the address, comma-separated.</summary>
    [SupplyParameterFromQuery(Name = "channel")]
    public string? ChannelsFromAddress { get; set; }

    /// <summary>Partner codes from the address, comma-separated.</summary>
    [SupplyParameterFromQuery(Name = "partner")]
    public string? PartnersFromAddress { get; set; }

    /// <summary>Segment codes from the address, comma-separated.</summary>
    [SupplyParameterFromQuery(Name = "segment")]
    public string? SegmentsFromAddress { get; set; }

    /// <summary>The filter shown.</summary>
    protected KpiFilter Filter { get; private set; } = KpiFilter.All;

    /// <summary>The month shown; null until known or when the store holds no data.</summary>
    protected YearMonth? Month => Months.Selected;

    /// <summary>Why nothing can be shown, in words; null when all is well.</summary>
    protected string? Error { get; set; }

    /// <summary>"October 2026" for a month.</summary>
    protected string MonthLabel(YearMonth month) => Months.Label(month);

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Months.Changed += OnMonthChanged;
        try
        {
            await Months.EnsureLoadedAsync();
            _initialised = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Error = "The page cannot be shown: the data store did not answer. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (!_initialised) return;
        // The address is read on every navigation, so a link to another month or filter works inside the app too; an
        // address this page wrote itself is not loaded twice.
        var address = string.Join("|", MonthFromAddress, ChannelsFromAddress, PartnersFromAddress, SegmentsFromAddress, AddressKey);
        if (address == _addressSeen) return;
        _addressSeen = address;
        Filter = KpiFilter.Parse(ChannelsFromAddress, PartnersFromAddress, SegmentsFromAddress);
        if (!string.IsNullOrEmpty(MonthFromAddress))
        {
            if (!YearMonth.TryParse(MonthFromAddress, out var fromAddress))
            {
                Error = $"\"{MonthFromAddress}\" in the address is not a month: write it as YYYY-MM, for example ?month=2026-10.";
                return;
            }

            if (Months.Selected != fromAddress)
            {
                await Months.SelectAsync(fromAddress); // loads through OnMonthChanged
                return;
            }
        }

        await ReloadAsync();
    }

    /// <summary>Anything else in the route that changes what is shown (the KPI's code); part of what makes an address new.</summary>
    protected virtual string? AddressKey => null;

    /// <summary>Shows <paramref name="filter"/>, and writes it into the address.</summary>
    protected async Task ChangeFilterAsync(KpiFilter filter)
    {
        Filter = filter;
        await ReloadAsync();
    }

    /// <summary>Loads what the page shows for the selected month and filter.</summary>
    protected abstract Task LoadAsync(YearMonth month, CancellationToken cancellationToken);

    /// <summary>Called when the store holds no data at all: nothing to load.</summary>
    protected abstract void ShowNoData();

    /// <summary>
    /// Loads the selected month. A newer load cancels an older one, and a result that arrives for a month no longer
    /// selected is dropped by the caller's check of the token.
    /// </summary>
    protected async Task ReloadAsync()
    {
        if (_loading is not null) await _loading.CancelAsync();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var token = _loading.Token;
        if (Months.Selected is not { } month)
        {
            ShowNoData();
            return;
        }

        try
        {
            await LoadAsync(month, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }

        if (token.IsCancellationRequested) return;
        KeepAddress(month);
    }

    private void KeepAddress(YearMonth month)
    {
        var address = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["month"] = month.ToString(),
            ["channel"] = KpiFilter.Join(Filter.Channels),
            ["partner"] = KpiFilter.Join(Filter.Partners),
            ["segment"] = KpiFilter.Join(Filter.Segments),
        });
        if (string.Equals(address, Navigation.Uri, StringComparison.Ordinal)) return;
        _addressSeen = string.Join("|", month.ToString(), KpiFilter.Join(Filter.Channels), KpiFilter.Join(Filter.Partners), KpiFilter.Join(Filter.Segments), AddressKey);
        Navigation.NavigateTo(address, new NavigationOptions { ReplaceHistoryEntry = true });
    }

    private Task OnMonthChanged() => InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops listening to the month and cancels a load in flight.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        Months.Changed -= OnMonthChanged;
        _loading?.Cancel();
        _loading?.Dispose();
    }
}
