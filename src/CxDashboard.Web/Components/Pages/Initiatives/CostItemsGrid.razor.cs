using CxDashboard.Core.Time;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>The cost items of an initiative in a grid: each row read, or edited in place by an editor (one at a time), removed after a confirmation, and a new row added at the end.</summary>
public sealed partial class CostItemsGrid
{
    private int? _editing;
    private int? _removing;
    private string? _failure;
    private CostItemSaveResult.Conflict? _removeConflict;

    [Inject] private CostItemEditor Editor { get; set; } = default!;

    /// <summary>The business case whose costs are shown.</summary>
    [Parameter, EditorRequired]
    public BusinessCaseView View { get; set; } = default!;

    /// <summary>Raised after a cost was stored or removed, so that the business case loads again.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    private int Columns => View.CanEdit ? 9 : 8;

    private void Edit(int id)
    {
        (_editing, _removing, _removeConflict, _failure) = (id, null, null, null);
    }

    private void Close() => _editing = null;

    private async Task SavedAsync()
    {
        _editing = null;
        await Saved.InvokeAsync();
    }

    private async Task RemoveAsync(CostItemDraft draft)
    {
        _failure = null;
        try
        {
            switch (await Editor.RemoveAsync(draft))
            {
                case CostItemSaveResult.Saved:
                    (_removing, _removeConflict) = (null, null);
                    await Saved.InvokeAsync();
                    break;
                case CostItemSaveResult.Conflict conflict:
                    (_removing, _removeConflict) = (null, conflict);
                    break;
                case CostItemSaveResult.Invalid invalid:
                    _failure = string.Join(" ", invalid.Errors.Values);
                    break;
                case CostItemSaveResult.Gone gone:
                    (_removing, _failure) = (null, gone.Message);
                    await Saved.InvokeAsync();
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _failure = e.Message;
        }
    }

    private async Task TakeTheirsAsync()
    {
        _removeConflict = null;
        await Saved.InvokeAsync();
    }
}
