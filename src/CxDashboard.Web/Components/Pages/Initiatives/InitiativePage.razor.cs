using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// One initiative: its own fields (edited in place by editors, archived or restored) and its tabs: the business case,
/// the returns and the review gates.
/// </summary>
public sealed partial class InitiativePage
{
    private InitiativeHeaderView? _header;
    private bool _notFound;
    private bool _editing;
    private bool _busy;
    private string? _error;
    private int _tab;
    private int _revision;
    // Counts the tabs opened: the returns and the gates are computed from the business case, which may have changed
    // in its own tab since, so each opening of theirs computes them anew.
    private int _opened;
    private int _loadedId;

    [Inject] private InitiativeEditor Editor { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private ILogger<InitiativePage> Logger { get; set; } = default!;

    /// <summary>The initiative's id from the address.</summary>
    [Parameter]
    public int Id { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (Id == _loadedId) return;
        _loadedId = Id;
        _editing = false;
        _tab = 0;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _header = await Editor.LoadAsync(Id);
            _notFound = _header is null;
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            InitiativeLog.InitiativeFailed(Logger, e, Id);
            _header = null;
            _error = "The initiative could not be loaded: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).";
        }
    }

    private async Task SavedAsync(InitiativeDraft saved)
    {
        _editing = false;
        Snackbar.Add($"Saved {saved.Name}.", Severity.Success);
        await LoadAsync();
        // The business case reads the start and horizon too.
        _revision++;
    }

    private void TabChanged(int index)
    {
        _tab = index;
        _opened++;
    }

    private Task ArchiveAsync() => ChangeArchivedAsync(archive: true);

    private Task RestoreAsync() => ChangeArchivedAsync(archive: false);

    private async Task ChangeArchivedAsync(bool archive)
    {
        if (_header is not { } header) return;
        _busy = true;
        try
        {
            var result = archive
                ? await Editor.ArchiveAsync(Id, header.Draft.Version)
                : await Editor.RestoreAsync(Id, header.Draft.Version);
            switch (result)
            {
                case InitiativeSaveResult.Saved:
                    Snackbar.Add(archive
                        ? $"Archived {header.Draft.Name}: it is off the list and the board, its history kept. Restore it to change it again."
                        : $"Restored {header.Draft.Name} to the list and the board.", Severity.Success);
                    await LoadAsync();
                    break;
                case InitiativeSaveResult.Conflict:
                    await LoadAsync();
                    _error = $"Someone else changed this initiative after the page was loaded, so it was not {(archive ? "archived" : "restored")}. The page now shows it as stored: {(archive ? "archive" : "restore")} it again if you still mean to.";
                    break;
                case InitiativeSaveResult.Gone gone:
                    _error = gone.Message;
                    break;
            }

            _revision++;
        }
        catch (AccessDeniedException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
