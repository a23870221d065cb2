using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CxDashboard.Charts;

/// <summary>
/// A thin apexcharts chart. Options go to the browser as JSON; after the first render the chart is
/// created once, and later renders send only what changed (the series alone, or the whole options).
/// What was sent is remembered by its SHA-256 alone: every open circuit holds its charts, and a chart's JSON
/// runs to tens of kilobytes.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    /// <summary>Path of the collocated module, relative to the app's base href.</summary>
    internal const string ModulePath = "./_content/CxDashboard.Charts/ApexChart.razor.js";

    private ElementReference _container;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private Task? _sync;
    private bool _disposed;
    private string? _failure;

    // What the parameters ask for until it is sent, and the fingerprint of what the browser last received.
    private ChartJson? _pending;
    private ChartPrint _sent = ChartPrint.None;
    private ApexChartOptions? _seenOptions;
    private string? _seenHeight;

    /// <summary>What to draw. Pass a new record to change the chart; an equal one sends nothing.</summary>
    [Parameter, EditorRequired]
    public ApexChartOptions Options { get; set; } = default!;

    /// <summary>
    /// Chart height as CSS ("320px"). Reserved on the container before the chart draws, and used as the
    /// chart's height when <see cref="ApexChartSettings.Height"/> is not set.
    /// </summary>
    [Parameter]
    public string? Height { get; set; }

    /// <summary>CSS classes of the container.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Inline style of the container, after the reserved height.</summary>
    [Parameter]
    public string? Style { get; set; }

    /// <summary>
    /// What the chart shows, for screen readers ("Monthly ROX against the 2024 baseline"). When set, the
    /// container gets role="img" and this as aria-label.
    /// </summary>
    [Parameter]
    public string? AriaLabel { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private string? ContainerStyle
    {
        get
        {
            var reserved = string.IsNullOrEmpty(Height) ? null : $"min-height:{Height};";
            var style = reserved + Style;
            return style.Length == 0 ? null : style;
        }
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Options is null)
        {
            throw new InvalidOperationException($"{nameof(ApexChart)} needs {nameof(Options)}.");
        }

        // The same options record again (the parent rendered for another reason): nothing to serialize.
        if (ReferenceEquals(Options, _seenOptions) && Height == _seenHeight)
        {
            return;
        }

        _seenOptions = Options;
        _seenHeight = Height;
        var options = Options;
        if (Options.Chart?.Height is null && !string.IsNullOrEmpty(Height))
        {
            options = options with { Chart = (options.Chart ?? new ApexChartSettings()) with { Height = Height } };
        }

        var wanted = new ChartJson(
            Full: options.ToJson(),
            WithoutSeries: (options with { Series = [] }).ToJson(),
            Series: JsonSerializer.Serialize(options.Series, ApexChartJson.SerializerOptions));
        _pending = wanted.Print == _sent ? null : wanted;
    }

    /// <inheritdoc />
    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        // A render while a create or update is awaiting JS leaves _pending for that loop to pick up.
        if (_sync is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }

        _sync = SyncAsync();
        return _sync;
    }

    private async Task SyncAsync()
    {
        try
        {
            if (await SendChangesAsync() && _failure is not null)
            {
                _failure = null;
                StateHasChanged();
            }
        }
        catch (JSException e)
        {
            // The chart library refused the options: say so where the chart would be, and keep the circuit
            // (and everything else on the page) alive instead of tearing it down.
            _failure = $"This chart could not be drawn: {e.Message.Split('\n', 2)[0]}";
            if (_pending is { } refused) _sent = refused.Print;
            _pending = null;
            StateHasChanged();
        }
    }

    /// <summary>Sends what changed since the last call; true when anything was sent.</summary>
    private async Task<bool> SendChangesAsync()
    {
        var sentAnything = false;
        while (!_disposed && _pending is { } wanted)
        {
            if (_chart is null)
            {
                _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _chart = await _module.InvokeAsync<IJSObjectReference>("create", _container, wanted.Full);
            }
            else if (wanted.Print.WithoutSeries != _sent.WithoutSeries)
            {
                await _module!.InvokeVoidAsync("updateOptions", _chart, wanted.Full);
            }
            else
            {
                await _module!.InvokeVoidAsync("updateSeries", _chart, wanted.Series);
            }

            _sent = wanted.Print;
            if (ReferenceEquals(_pending, wanted)) _pending = null;
            else if (_pending?.Print == _sent) _pending = null;
            sentAnything = true;
        }

        return sentAnything;
    }

    /// <summary>Destroys the chart and releases the module; a gone circuit is not an error here.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sync is not null)
        {
            // Let a create in flight finish so its chart is destroyed, not leaked.
            try
            {
                await _sync;
            }
            catch (JSException)
            {
                // Already surfaced by OnAfterRenderAsync; there is no chart to destroy.
            }
            catch (Exception ex) when (IsTeardownError(ex))
            {
            }
        }

        if (_chart is not null)
        {
            if (_module is not null)
            {
                await IgnoringTeardownErrors(() => _module.InvokeVoidAsync("destroy", _chart));
            }

            await IgnoringTeardownErrors(_chart.DisposeAsync);
        }

        if (_module is not null)
        {
            await IgnoringTeardownErrors(_module.DisposeAsync);
        }
    }

    private static async Task IgnoringTeardownErrors(Func<ValueTask> teardown)
    {
        try
        {
            await teardown();
        }
        catch (Exception ex) when (IsTeardownError(ex))
        {
        }
    }

    // The circuit is gone (the browser dropped the chart with the page), the renderer is shutting down
    // (the call would never complete), or the JS runtime was disposed first: nothing is left to clean up.
    private static bool IsTeardownError(Exception ex) =>
        ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException;

    private sealed record ChartJson(string Full, string WithoutSeries, string Series)
    {
        public ChartPrint Print { get; } = new(ChartPrint.Of(WithoutSeries), ChartPrint.Of(Series));
    }

    /// <summary>SHA-256 of the options without their series and of the series, as hex.</summary>
    private sealed record ChartPrint(string WithoutSeries, string Series)
    {
        public static readonly ChartPrint None = new(string.Empty, string.Empty);

        public static string Of(string json) =>
            Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(json.AsSpan())));
    }
}
