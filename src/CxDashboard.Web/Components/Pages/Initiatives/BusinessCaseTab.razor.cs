using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// An initiative's business case: its cost items in an editable grid, its baselines and targets, and its value drivers,
/// each with a form of its type. Viewers read it; partner users read it without costs, and are told why.
/// </summary>
public sealed partial class BusinessCaseTab
{
    private BusinessCaseView? _view;
    private string? _error;
    private (int Id, int Revision) _loaded = (-1, -1);

    [Inject] private BusinessCaseService BusinessCase { get; set; } = default!;

    [Inject] private ILogger<BusinessCaseTab> Logger { get; set; } = default!;

    /// <summary>The initiative.</summary>
    [Parameter, EditorRequired]
    public int InitiativeId { get; set; }

    /// <summary>Raised by the page when the initiative's own fields change, so that the business case loads again.</summary>
    [Parameter]
    public int Revision { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (InitiativeId, Revision)) return;
        _loaded = (InitiativeId, Revision);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _view = await BusinessCase.GetAsync(InitiativeId);
            _error = _view is null ? "This initiative is no longer stored: go back to the list of initiatives." : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            InitiativeLog.BusinessCaseFailed(Logger, e, InitiativeId);
            _error = "The business case could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }
}
