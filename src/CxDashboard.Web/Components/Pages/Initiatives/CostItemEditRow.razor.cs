using System.Globalization;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// One cost item's row in edit: its fields in the grid's columns, each error under its field, what was typed kept on an
/// error or a conflict, and both versions shown when someone else saved the row first.
/// </summary>
public sealed partial class CostItemEditRow
{
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private CostItemSaveResult.Conflict? _conflict;
    private string? _failure;
    private bool _saving;
    private int _shownId = -1;
    private uint _version;
    private string? _name;
    private CostCategory _category;
    private CostNature _nature;
    private CostRecurrence _recurrence;
    private decimal? _amount;
    private YearMonth? _start;
    private YearMonth? _end;
    private decimal? _risk;

    [Inject] private CostItemEditor Editor { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The cost item as stored, or a new one's defaults.</summary>
    [Parameter, EditorRequired]
    public CostItemDraft Draft { get; set; } = default!;

    /// <summary>The culture amounts are typed in.</summary>
    [Parameter, EditorRequired]
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>The currency symbol before an amount.</summary>
    [Parameter]
    public string CurrencySymbol { get; set; } = "";

    /// <summary>How many columns the grid has: the row spans them all.</summary>
    [Parameter]
    public int Columns { get; set; } = 9;

    /// <summary>Raised after the row was stored, or the stored version taken.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>Raised when the person leaves the row without saving.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // The same row keeps what is being typed across the page's renders.
        if (Draft.Id == _shownId) return;
        _shownId = Draft.Id;
        Show(Draft);
    }

    private CostItemDraft Current(uint version) =>
        new(Draft.Id, Draft.InitiativeId, _name, _category, _nature, _recurrence, _amount, _start, _end, _risk, version);

    private Task SaveAsync() => SaveAsync(_version);

    private Task KeepMineAsync() => SaveAsync(_conflict!.Theirs.Version);

    private async Task TakeTheirsAsync()
    {
        _conflict = null;
        await Saved.InvokeAsync();
    }

    private async Task SaveAsync(uint version)
    {
        _saving = true;
        _failure = null;
        try
        {
            switch (await Editor.SaveAsync(Current(version)))
            {
                case CostItemSaveResult.Saved saved:
                    _conflict = null;
                    Show(saved.Current);
                    Snackbar.Add($"Saved the cost {saved.Current.Name}.", Severity.Success);
                    await Saved.InvokeAsync();
                    break;
                case CostItemSaveResult.Conflict conflict:
                    _conflict = conflict;
                    _errors = new Dictionary<string, string>();
                    break;
                case CostItemSaveResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _failure = invalid.Errors.GetValueOrDefault("CostItem");
                    break;
                case CostItemSaveResult.Gone gone:
                    _failure = gone.Message;
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _failure = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private void Show(CostItemDraft draft)
    {
        _version = draft.Version;
        _errors = new Dictionary<string, string>();
        (_name, _category, _nature, _recurrence, _amount, _start, _end, _risk) =
            (draft.Name, draft.Category, draft.Nature, draft.Recurrence, draft.Amount, draft.Start, draft.End, draft.RiskPercent);
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);
}
