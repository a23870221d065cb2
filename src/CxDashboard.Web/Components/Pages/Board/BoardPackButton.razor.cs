using CxDashboard.Web.BoardPack;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CxDashboard.Web.Components.Pages.Board;

/// <summary>
/// Downloads the board pack of a month as a PDF made on the server by Chromium's print; where the server has no Chromium,
/// opens the browser's print dialog on the print view instead (Save as PDF there gives the same pack), and says which.
/// </summary>
public sealed partial class BoardPackButton : IAsyncDisposable
{
    private const string ModulePath = "./Components/Pages/Board/BoardPackButton.razor.js";

    private IJSObjectReference? _module;
    private bool _working;
    private string? _outcome;
    private bool _failed;

    [Inject] private ServerChromium Chromium { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The month of the pack, "YYYY-MM".</summary>
    [Parameter, EditorRequired]
    public string Month { get; set; } = "";

    /// <summary>The month as a reader says it.</summary>
    [Parameter, EditorRequired]
    public string MonthLabel { get; set; } = "";

    private async Task RunAsync()
    {
        _working = true;
        _outcome = null;
        _failed = false;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (Chromium.IsAvailable)
            {
                var fileName = BoardPackPdf.FileName(CxDashboard.Core.Time.YearMonth.TryParse(Month, out var m) ? m : default);
                var failure = await _module.InvokeAsync<string?>("download", $"board/pack.pdf?month={Uri.EscapeDataString(Month)}", fileName);
                _failed = failure is not null;
                _outcome = failure is null
                    ? $"Downloaded {fileName}: printed on the server by Chromium, the same pages as the print view."
                    : $"{failure} Your browser's own print dialog (Ctrl+P, Save as PDF) gives the same pack.";
            }
            else
            {
                await _module.InvokeVoidAsync("printPack");
                _outcome = "This server has no Chromium to make the PDF, so your browser's print dialog opened instead: choose Save as PDF there for the same pack.";
            }
        }
        catch (JSException e)
        {
            _failed = true;
            _outcome = $"The PDF could not be made in this browser: {e.Message.Split('\n', 2)[0]}";
        }
        catch (JSDisconnectedException)
        {
            // The page was closed meanwhile: there is no one left to tell.
        }
        finally
        {
            _working = false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
