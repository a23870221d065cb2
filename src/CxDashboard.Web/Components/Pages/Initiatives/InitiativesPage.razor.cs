using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// The initiatives list: each with its owner, start, status, base-scenario ROX, NPV and payback and its next gate as of the
/// month in the app bar; editors create initiatives here and archive or restore them.
/// </summary>
public sealed partial class InitiativesPage : IDisposable
{
    private InitiativeListView? _view;
    private InitiativeDraft? _creating;
    private bool _showArchived;
    private bool _busy;
    private string? _error;
    private string? _notice;

    [Inject] private InitiativeListService List { get; set; } = default!;

    [Inject] private InitiativeEditor Editor { get; set; } = default!;

    [Inject] private MonthSelection Months { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<InitiativesPage> Logger { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Months.Changed += OnMonthChanged;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            await Months.EnsureLoadedAsync();
            _view = await List.ListAsync(_showArchived, Months.Selected);
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            InitiativeLog.ListFailed(Logger, e);
            _error = "The initiatives could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    private async Task ShowArchivedAsync(bool show)
    {
        _showArchived = show;
        await LoadAsync();
    }

    private async Task StartCreatingAsync()
    {
        try
        {
            _creating = await Editor.NewAsync(Months.Selected);
        }
        catch (AccessDeniedException e)
        {
            _error = e.Message;
        }
    }

    private void Created(InitiativeDraft created)
    {
        _creating = null;
        Snackbar.Add($"Created {created.Name}: add its costs, baselines and value drivers.", Severity.Success);
        Navigation.NavigateTo($"initiatives/{created.Id}");
    }

    private Task ArchiveAsync(InitiativeRow row) => ChangeArchivedAsync(row, archive: true);

    private Task RestoreAsync(InitiativeRow row) => ChangeArchivedAsync(row, archive: false);

    private async Task ChangeArchivedAsync(InitiativeRow row, bool archive)
    {
        _busy = true;
        _notice = null;
        try
        {
            var result = archive ? await Editor.ArchiveAsync(row.Id, row.Version) : await Editor.RestoreAsync(row.Id, row.Version);
            switch (result)
            {
                case InitiativeSaveResult.Saved:
                    Snackbar.Add(archive
                        ? $"Archived {row.Name}: it is off the list and the board, with its history kept. Show archived to restore it."
                        : $"Restored {row.Name} to the list and the board.", Severity.Success);
                    break;
                case InitiativeSaveResult.Conflict:
                    _notice = $"{row.Name} was changed by someone else after this list was loaded, so it was not {(archive ? "archived" : "restored")}. The list now shows it as stored: {(archive ? "archive" : "restore")} it again if you still mean to.";
                    break;
                case InitiativeSaveResult.Gone gone:
                    _notice = gone.Message;
                    break;
            }

            await LoadAsync();
        }
        catch (AccessDeniedException e)
        {
            _notice = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private Task OnMonthChanged() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    /// <inheritdoc />
    public void Dispose() => Months.Changed -= OnMonthChanged;
}
