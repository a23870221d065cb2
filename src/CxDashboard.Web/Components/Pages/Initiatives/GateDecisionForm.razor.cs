using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Gates;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// Records a decision at one gate: an outcome and a required note. What was typed stays in the form on a validation
/// error, a refusal or a conflict with a decision someone else recorded meanwhile.
/// </summary>
public sealed partial class GateDecisionForm
{
    private GateOutcome? _outcome;
    private string? _note;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private GateDecisionView? _conflict;
    private string? _failure;
    private bool _saving;

    [Inject] private ReviewGateService Gates { get; set; } = default!;

    [Inject] private ILogger<GateDecisionForm> Logger { get; set; } = default!;

    /// <summary>The initiative.</summary>
    [Parameter, EditorRequired]
    public int InitiativeId { get; set; }

    /// <summary>The gate decided, as the tab shows it (its latest decision is the one the person has seen).</summary>
    [Parameter, EditorRequired]
    public GateView Gate { get; set; } = default!;

    /// <summary>Raised after the decision was recorded.</summary>
    [Parameter]
    public EventCallback Recorded { get; set; }

    /// <summary>Raised when the person closes the form without recording.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task RecordAsync(int? latestSeen)
    {
        _saving = true;
        _failure = null;
        try
        {
            switch (await Gates.RecordAsync(new GateDecisionDraft(InitiativeId, Gate.Kind, _outcome, _note, latestSeen)))
            {
                case GateDecisionResult.Recorded:
                    _errors = new Dictionary<string, string>();
                    _conflict = null;
                    await Recorded.InvokeAsync();
                    break;
                case GateDecisionResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _failure = invalid.Errors.GetValueOrDefault("Gate");
                    break;
                case GateDecisionResult.Conflict conflict:
                    _errors = new Dictionary<string, string>();
                    _conflict = conflict.Theirs;
                    break;
                case GateDecisionResult.Refused refused:
                    _failure = refused.Message;
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            _failure = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GateLog.LogDecisionFailed(Logger, e, GateWords.Key(Gate.Kind), InitiativeId);
            _failure = "The decision could not be recorded: the data store did not answer as expected. What you wrote is still here; try again in a moment.";
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>After a conflict: records the person's decision after the one recorded meanwhile.</summary>
    private Task RecordAfterTheirsAsync() => RecordAsync(_conflict?.Id);

    /// <summary>After a conflict: drops the person's decision; the tab shows the one recorded meanwhile.</summary>
    private async Task LeaveItAsync()
    {
        _conflict = null;
        await Recorded.InvokeAsync();
    }
}
