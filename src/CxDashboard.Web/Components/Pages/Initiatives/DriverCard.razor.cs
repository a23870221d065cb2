using CxDashboard.Core.Time;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>One value driver read: its type, KPI, factor, evidence and risk, its inputs, its change in each scenario and what to watch out for; editors open its form or remove it.</summary>
public sealed partial class DriverCard
{
    private bool _removing;
    private string? _failure;
    private ValueDriverSaveResult.Conflict? _conflict;

    [Inject] private ValueDriverEditor Editor { get; set; } = default!;

    /// <summary>The driver.</summary>
    [Parameter, EditorRequired]
    public ValueDriverView Driver { get; set; } = default!;

    /// <summary>True when the reader may edit or remove it now.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Raised when the reader opens its form.</summary>
    [Parameter]
    public EventCallback Edit { get; set; }

    /// <summary>Raised after it was removed, or the stored version taken.</summary>
    [Parameter]
    public EventCallback Removed { get; set; }

    private async Task RemoveAsync(ValueDriverDraft draft)
    {
        _failure = null;
        try
        {
            switch (await Editor.RemoveAsync(draft))
            {
                case ValueDriverSaveResult.Saved or ValueDriverSaveResult.Gone:
                    (_removing, _conflict) = (false, null);
                    await Removed.InvokeAsync();
                    break;
                case ValueDriverSaveResult.Conflict conflict:
                    (_removing, _conflict) = (false, conflict);
                    break;
                case ValueDriverSaveResult.Invalid invalid:
                    _failure = string.Join(" ", invalid.Errors.Values);
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
        _conflict = null;
        await Removed.InvokeAsync();
    }
}
