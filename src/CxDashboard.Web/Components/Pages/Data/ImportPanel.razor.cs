using System.Diagnostics;
using System.Globalization;
using CxDashboard.Data.Imports;
using CxDashboard.Web.Access;
using CxDashboard.Web.Measurements;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CxDashboard.Web.Components.Pages.Data;

/// <summary>
/// Upload → check → save: the user chooses a file, sees its problems or a preview of what saving would do, and saves
/// it. Reading and saving run off the circuit's thread with a progress bar, so the page stays responsive.
/// </summary>
public sealed partial class ImportPanel : IDisposable
{
    // Redraw the progress bar at most this often: a million-row file reports hundreds of times.
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _closing = new();
    private readonly Stopwatch _sinceRedraw = new();
    private bool _canImport;
    private bool _busy;
    private double? _percent;
    private string _progressText = "";
    private string? _outcome;
    private Severity _outcomeSeverity;

    [Inject]
    private MeasurementUpload Upload { get; set; } = default!;

    [Inject]
    private ILogger<ImportPanel> Logger { get; set; } = default!;

    /// <summary>Raised after an import was saved, so that the history can reload.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    protected override async Task OnInitializedAsync() => _canImport = await Upload.CanImportAsync();

    private async Task ReadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _outcome = null;
        await RunAsync($"Reading {file.Name}", async progress =>
        {
            // The stream may open at any size: the service refuses a file over the limit, with its clear message,
            // before it reads a byte of it.
            await using var stream = file.OpenReadStream(Math.Max(file.Size, 1), _closing.Token);
            await Upload.ReadAsync(stream, file.Name, file.Size, progress, _closing.Token);
        });
    }

    private async Task SaveAsync()
    {
        _outcome = null;
        // Saving is not cancelled when the page closes: it stores the whole file or nothing either way.
        await RunAsync("Saving", async progress =>
        {
            var result = await Upload.SaveAsync(progress, CancellationToken.None);
            Show(Severity.Success, MeasurementUpload.Outcome(result));
            await Saved.InvokeAsync();
        });
    }

    private void Discard()
    {
        Upload.Discard();
        Show(Severity.Info, "The file was discarded; nothing was stored.");
    }

    private async Task RunAsync(string label, Func<IProgress<ImportProgress>, Task> work)
    {
        _busy = true;
        _percent = null;
        _progressText = label + "…";
        _sinceRedraw.Restart();
        try
        {
            await work(new Progress<ImportProgress>(OnProgress));
        }
        catch (ImportRefusedException e)
        {
            Show(Severity.Warning, e.Message);
        }
        catch (AccessDeniedException e)
        {
            Show(Severity.Error, e.Message);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page closed while reading: nothing was stored and nobody is left to tell.
        }
        catch (IOException e)
        {
            Logger.LogUploadFailed(e);
            Show(Severity.Error, $"The file could not be received ({e.Message.TrimEnd('.')}). Nothing was stored: choose it again.");
        }
        finally
        {
            _busy = false;
        }
    }

    private void OnProgress(ImportProgress progress)
    {
        _percent = progress.Total > 0 ? Math.Min(100, 100.0 * progress.Done / progress.Total) : null;
        var c = CultureInfo.InvariantCulture;
        _progressText = progress switch
        {
            // Files are uploaded and read by the byte; an .xlsx is read by the row, of a total not known in advance.
            { Stage: "Uploading" or ImportStages.Reading, Total: > 0 } =>
                $"{Describe(progress.Stage)}: {Megabytes(progress.Done)} of {Megabytes(progress.Total)}",
            { Total: > 0 } => $"{Describe(progress.Stage)}: {progress.Done.ToString("N0", c)} of {progress.Total.ToString("N0", c)} rows",
            _ => $"{Describe(progress.Stage)}: {progress.Done.ToString("N0", c)} rows",
        };
        if (_sinceRedraw.Elapsed < RedrawEvery) return;
        _sinceRedraw.Restart();
        StateHasChanged();
    }

    private static string Describe(string stage) => stage switch
    {
        "Uploading" => "Uploading the file",
        ImportStages.Reading => "Reading and checking each row",
        ImportStages.Checking => "Comparing with the stored values",
        ImportStages.Saving => "Saving",
        _ => stage,
    };

    private void Show(Severity severity, string message) => (_outcomeSeverity, _outcome) = (severity, message);

    private static string Megabytes(long bytes) => $"{(bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture)} MB";

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}

internal static partial class ImportPanelLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "An upload could not be received.")]
    public static partial void LogUploadFailed(this ILogger logger, Exception exception);
}
