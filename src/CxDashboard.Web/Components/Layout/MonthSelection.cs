using System.Globalization;
using CxDashboard.Core.Time;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Components.Layout;

/// <summary>
/// The month the reader is looking at, shared by the app bar's picker and the page (one per circuit).
/// Starts at the latest month with data.
/// </summary>
public sealed class MonthSelection(RoxBoardService board)
{
    private Task? _loading;
    private CultureInfo _culture = CultureInfo.InvariantCulture;

    /// <summary>The months with data, oldest first.</summary>
    public IReadOnlyList<YearMonth> Available { get; private set; } = [];

    /// <summary>The selected month; null until loaded or when the store holds no data.</summary>
    public YearMonth? Selected { get; private set; }

    /// <summary>The organisation's name.</summary>
    public string OrganisationName { get; private set; } = "";

    /// <summary>"October 2026" in the organisation's culture.</summary>
    public string Label(YearMonth month) => RoxBoardService.MonthLabel(month, _culture);

    /// <summary>Raised after <see cref="Selected"/> changes.</summary>
    public event Func<Task>? Changed;

    /// <summary>Loads the months and the organisation once per circuit; a failed load is tried again next time.</summary>
    public async Task EnsureLoadedAsync()
    {
        _loading ??= LoadAsync();
        try
        {
            await _loading;
        }
        catch
        {
            _loading = null;
            throw;
        }
    }

    /// <summary>Selects a month and tells whoever listens.</summary>
    public async Task SelectAsync(YearMonth month)
    {
        if (Selected == month) return;
        Selected = month;
        if (Changed is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
                await handler();
    }

    private async Task LoadAsync()
    {
        (OrganisationName, _culture) = await board.OrganisationAsync();
        Available = await board.MonthsAsync();
        Selected ??= Available.Count > 0 ? Available[^1] : null;
    }
}
