using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Data.Backups;
using CxDashboard.Web.Backups;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Settings;

/// <summary>The backups of the store: the list, "Back up now", and a restore after the reader confirms it.</summary>
public sealed partial class BackupsPanel
{
    private IReadOnlyList<StoreBackup>? _backups;
    private bool _busy;
    private string? _busyLabel;
    private string? _outcome;
    private Severity _outcomeSeverity;

    [Inject]
    private StoreBackups Backups { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private AccessGuard Guard { get; set; } = default!;

    [Inject]
    private ILogger<BackupsPanel> Logger { get; set; } = default!;

    private string PlanText
    {
        get
        {
            var plan = Backups.Plan;
            var when = plan.Schedule.DailyAt is { } at
                ? $"A backup is taken every day at {at:HH\\:mm} (server time)"
                : "No backup is taken on a schedule (Backups:Schedule is \"off\")";
            return $"{when}; the newest {plan.Keep} are kept in {plan.Folder}.";
        }
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _backups = await Backups.ListAsync();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Logger.LogBackupsNotListed(e);
            _backups = [];
            Show(Severity.Error, $"The backup folder {Backups.Plan.Folder} cannot be read ({e.Message.TrimEnd('.')}): check that the app may read it (Backups:Folder).");
        }
    }

    private Task BackUpNowAsync() => RunAsync("Backing up the store", async () =>
    {
        var backup = await Backups.CreateAsync("manual");
        return $"Backed up the store ({BackupText.Size(backup.SizeBytes)}).";
    });

    private async Task RestoreAsync(StoreBackup backup)
    {
        var parameters = new DialogParameters<RestoreBackupDialog> { { d => d.Backup, backup } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<RestoreBackupDialog>("Restore a backup", parameters, options);
        var answer = await dialog.Result;
        if (answer is null || answer.Canceled) return;

        await RunAsync("Restoring the backup", async () =>
        {
            var restore = await Backups.RestoreAsync(backup.Name);
            return $"The store now holds the backup of {BackupText.Created(restore.Restored.Created)} ({restore.Restored.Reason}). "
                + $"The store as it was is the backup of {BackupText.Created(restore.Before.Created)}: restore that one to undo this.";
        });
    }

    private async Task RunAsync(string label, Func<Task<string>> work)
    {
        _busy = true;
        _busyLabel = label;
        _outcome = null;
        StateHasChanged();
        try
        {
            // The page is for admins, but a circuit's events can be sent without it: the action checks for itself.
            await Guard.RequireOrganisationAsync(CxRoles.Admin, "take or restore backups");
            Show(Severity.Success, await work());
        }
        catch (AccessDeniedException e)
        {
            Show(Severity.Error, e.Message);
        }
        catch (BackupException e)
        {
            Show(Severity.Error, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogBackupActionFailed(e, label);
            Show(Severity.Error, $"{label} failed: the details are in the app's log. A restore replaces the whole store or nothing, so the store holds either the backup or what it held before.");
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private void Show(Severity severity, string message)
    {
        _outcomeSeverity = severity;
        _outcome = message;
    }
}

/// <summary>The backups panel's log messages.</summary>
internal static partial class BackupsPanelLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The backup folder could not be listed.")]
    public static partial void LogBackupsNotListed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} failed.")]
    public static partial void LogBackupActionFailed(this ILogger logger, Exception exception, string action);
}
