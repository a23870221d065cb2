using CxDashboard.Web.Experiments;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Components.Pages.Experiments;

/// <summary>The steering groups' holdout experiments: the list, one experiment's analysis and validity, and the planner.</summary>
public sealed partial class ExperimentsPage
{
    private ExperimentsView? _view;
    private string? _error;
    private int? _selected;
    private ExperimentDraft? _editing;

    [Inject] private ExperimentService Service { get; set; } = default!;

    [Inject] private ILogger<ExperimentsPage> Logger { get; set; } = default!;

    /// <summary>The experiment to open first ("?experiment=2"), so that one can be shared as a link.</summary>
    [SupplyParameterFromQuery(Name = "experiment")]
    public int? Requested { get; set; }

    private ExperimentView? Selected => _view?.Experiments.FirstOrDefault(e => e.Id == _selected);

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _view = await Service.GetAsync();
            _error = null;
            if (Selected is null)
                _selected = _view.Experiments.FirstOrDefault(e => e.Id == Requested)?.Id ?? (_view.Experiments.Count > 0 ? _view.Experiments[0].Id : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogExperimentsFailed(e);
            _view = null;
            _error = "The experiments could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    private void StartNew() => _editing = ExperimentDraft.New;

    private void StartEdit() => _editing = Selected?.Draft;

    private async Task OnSavedAsync(ExperimentDraft saved)
    {
        _editing = null;
        _selected = saved.Id;
        await LoadAsync();
    }
}

/// <summary>The experiments page's log messages.</summary>
internal static partial class ExperimentsLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The experiments page could not be loaded.")]
    public static partial void LogExperimentsFailed(this ILogger logger, Exception exception);
}
