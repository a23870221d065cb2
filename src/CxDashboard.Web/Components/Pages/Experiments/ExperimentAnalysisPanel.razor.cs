using CxDashboard.Web.Access;
using CxDashboard.Web.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Experiments;

/// <summary>
/// The analysis of one experiment, and the editor's deliberate choice to count a not-yet-significant one in ROX (or to stop
/// counting it). The choice is checked against the version the page loaded: a change by someone else is shown, not overwritten.
/// </summary>
public sealed partial class ExperimentAnalysisPanel
{
    private ExperimentSaveResult.Conflict? _conflict;
    private string? _error;
    private bool _saving;
    private int _shownId;

    [Inject] private ExperimentService Service { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The experiment to read.</summary>
    [Parameter, EditorRequired]
    public ExperimentView Experiment { get; set; } = default!;

    /// <summary>True for the organisation's editors.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Raised when the editor asks to edit the experiment.</summary>
    [Parameter]
    public EventCallback Edit { get; set; }

    /// <summary>Raised after a change was stored (or the stored version taken), so that the page loads again.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private Severity RoxSeverity => Experiment.Rox switch
    {
        RoxInclusion.Counted => Severity.Success,
        RoxInclusion.IncludedByChoice => Severity.Warning,
        RoxInclusion.KeptOut => Severity.Info,
        _ => Severity.Normal,
    };

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // Another experiment chosen: what was said about the last one does not carry over.
        if (Experiment.Id == _shownId) return;
        _shownId = Experiment.Id;
        _conflict = null;
        _error = null;
    }

    private Task SetIncludeAsync(bool include) => SetIncludeAsync(include, Experiment.Draft.Version);

    private Task KeepMineAsync() => SetIncludeAsync(_conflict!.Mine.IncludeInRox, _conflict.Theirs.Version);

    private async Task TakeTheirsAsync()
    {
        _conflict = null;
        await Changed.InvokeAsync();
    }

    private async Task SetIncludeAsync(bool include, uint version)
    {
        _saving = true;
        _error = null;
        try
        {
            switch (await Service.SetIncludeInRoxAsync(Experiment.Id, include, version))
            {
                case ExperimentSaveResult.Saved:
                    _conflict = null;
                    Snackbar.Add(include ? $"{Experiment.Name} now counts in ROX by your choice; the board names it." : $"{Experiment.Name} is kept out of ROX until it is significant.", Severity.Success);
                    await Changed.InvokeAsync();
                    break;
                case ExperimentSaveResult.Conflict conflict:
                    _conflict = conflict;
                    break;
                case ExperimentSaveResult.Gone gone:
                    _error = gone.Message;
                    break;
                case ExperimentSaveResult.Invalid invalid:
                    _error = string.Join(" ", invalid.Errors.Values);
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
