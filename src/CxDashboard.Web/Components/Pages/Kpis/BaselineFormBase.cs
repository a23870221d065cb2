using CxDashboard.Web.Access;
using CxDashboard.Web.Kpis;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Kpis;

/// <summary>
/// What the baseline forms share: the service, the field errors and the conflict of the last save, and what happens
/// after one. The forms keep what was typed whatever the outcome.
/// </summary>
public abstract class BaselineFormBase : ComponentBase
{
    /// <summary>The service that stores baselines.</summary>
    [Inject] protected BaselineEditor Editor { get; set; } = default!;

    /// <summary>The KPI.</summary>
    [Parameter, EditorRequired]
    public KpiInfoView Kpi { get; set; } = default!;

    /// <summary>Raised after a change was stored (or the stored version taken), so that the page shows it.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    /// <summary>Raised when the person closes the form.</summary>
    [Parameter]
    public EventCallback Closed { get; set; }

    /// <summary>The last save's errors, by field.</summary>
    protected IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The last save's conflict, if someone else saved first.</summary>
    protected BaselineSaveResult.Conflict? Conflict { get; private set; }

    /// <summary>A refusal or failure that belongs to no field.</summary>
    protected string? Failure { get; private set; }

    /// <summary>True while a save runs.</summary>
    protected bool Saving { get; private set; }

    /// <summary>True when the field has an error.</summary>
    protected bool Has(string field) => Errors.ContainsKey(field);

    /// <summary>The field's error, if any.</summary>
    protected string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The baseline's unit after a number in a form.</summary>
    protected string? Suffix => KpiInput.Suffix(Kpi.Unit);

    /// <summary>Runs a save and shows what became of it.</summary>
    protected async Task SaveAsync(Func<Task<BaselineSaveResult>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        Saving = true;
        Failure = null;
        try
        {
            switch (await save())
            {
                case BaselineSaveResult.Saved:
                    Conflict = null;
                    Errors = new Dictionary<string, string>();
                    await Saved.InvokeAsync();
                    await Closed.InvokeAsync();
                    break;
                case BaselineSaveResult.Conflict conflict:
                    Conflict = conflict;
                    Errors = new Dictionary<string, string>();
                    break;
                case BaselineSaveResult.Invalid invalid:
                    Errors = invalid.Errors;
                    Failure = invalid.Errors.GetValueOrDefault("Baseline") ?? invalid.Errors.GetValueOrDefault("Scope") ?? invalid.Errors.GetValueOrDefault("Initiative");
                    break;
            }
        }
        catch (AccessDeniedException e)
        {
            Failure = e.Message;
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>Drops the person's version after a conflict: the page shows the stored one.</summary>
    protected async Task TakeTheirsAsync()
    {
        Conflict = null;
        await Saved.InvokeAsync();
        await Closed.InvokeAsync();
    }
}
