using CxDashboard.Data.Imports;
using CxDashboard.Web.Access;
using CxDashboard.Web.Measurements;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Data;

/// <summary>The latest imports with their outcome, and undo for editors after they confirm it.</summary>
public sealed partial class ImportHistoryPanel
{
    private IReadOnlyList<ImportRowView>? _imports;
    private bool _canUndo;
    private bool _busy;
    private string? _outcome;
    private Severity _outcomeSeverity;

    [Inject]
    private MeasurementUpload Upload { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canUndo = await Upload.CanImportAsync();
        await ReloadAsync();
    }

    /// <summary>Reads the history again, after an import was saved or undone.</summary>
    public async Task ReloadAsync()
    {
        _imports = await Upload.HistoryAsync();
        StateHasChanged();
    }

    private async Task UndoAsync(ImportRowView import)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Undo import #{import.Id}?",
            $"{import.FileName}: the {import.Added} rows it added will be removed and the {import.Updated} values it replaced put back. The board and KPIs change accordingly.",
            yesText: "Undo the import", cancelText: "Keep it");
        if (confirmed != true) return;

        _busy = true;
        try
        {
            var result = await Upload.UndoAsync(import.Id);
            (_outcomeSeverity, _outcome) = (Severity.Success, MeasurementUpload.Outcome(result));
        }
        catch (Exception e) when (e is ImportRefusedException or AccessDeniedException)
        {
            (_outcomeSeverity, _outcome) = (Severity.Warning, e.Message);
        }
        finally
        {
            _busy = false;
        }

        await ReloadAsync();
    }

    private static Color ToneColor(ImportTone tone) => tone switch
    {
        ImportTone.Good => Color.Success,
        ImportTone.Bad => Color.Error,
        _ => Color.Default,
    };
}
