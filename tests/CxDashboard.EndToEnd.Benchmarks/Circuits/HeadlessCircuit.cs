using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxDashboard.EndToEnd.Benchmarks.Circuits;

/// <summary>
/// One open board page without a browser: a SignalR connection to <c>/_blazor</c> over a WebSocket, with the signed-in
/// cookies, that does what blazor.web.js does for a prerendered page. It starts the circuit (<c>StartCircuit</c>), hands
/// it the page's server components (<c>UpdateRootComponents</c> with the markers), acknowledges every render batch
/// (<c>OnRenderCompleted</c>), answers the server's JavaScript calls (<c>EndInvokeJSFromDotNet</c>: a reference for an
/// import, nothing for the rest, as a page with no DOM to measure would), and navigates within the circuit
/// (<c>OnLocationChanged</c>) as a click on a month link does.
/// </summary>
internal sealed class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly BoardPrerender _page;
    private readonly object _gate = new();
    private readonly List<string> _errors = [];
    private (byte[][] Texts, TaskCompletionSource<TimeSpan> Seen, long Since)? _awaited;
    private long _nextObjectId = 1;

    private HeadlessCircuit(Uri appAddress, CookieContainer cookies, BoardPrerender page, ILoggerFactory? logging)
    {
        _page = page;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(appAddress, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.Cookies = cookies;
                o.SkipNegotiation = false;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        if (logging is not null) builder.Services.AddSingleton(logging);
        _connection = builder.Build();
        // A loaded two-core machine can hold a message back for longer than SignalR's 30 s default.
        _connection.ServerTimeout = TimeSpan.FromMinutes(3);
        _connection.HandshakeTimeout = TimeSpan.FromMinutes(2);

        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => OnRenderBatchAsync((long)args[0]!, (byte[])args[1]!));
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, (int)args[3]!));
        _connection.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], _ => Task.CompletedTask);
        _connection.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        _connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        _connection.On("JS.EndLocationChanging", [typeof(int), typeof(bool)], _ => Task.CompletedTask);
        _connection.On("JS.Error", [typeof(string)], args =>
        {
            lock (_gate) _errors.Add((string)args[0]!);
            return Task.CompletedTask;
        });
    }

    /// <summary>Render batches received so far.</summary>
    public int Batches { get; private set; }

    /// <summary>What the server reported as an error on this circuit (JS.Error), or the connection's close.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate) return [.. _errors];
        }
    }

    /// <summary>The JavaScript functions the server called, by name, and how often.</summary>
    public Dictionary<string, int> JavaScriptCalls { get; } = [];

    /// <summary>
    /// Connects, starts the circuit with the page's components, and waits until the board has rendered interactively
    /// (the first render batch that carries every one of <paramref name="boardTexts"/>). Returns the time from connecting to that batch.
    /// </summary>
    public static async Task<(HeadlessCircuit Circuit, TimeSpan Started)> OpenAsync(
        Uri appAddress, CookieContainer cookies, BoardPrerender page, IReadOnlyList<string> boardTexts, TimeSpan within, ILoggerFactory? logging = null)
    {
        var circuit = new HeadlessCircuit(appAddress, cookies, page, logging);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var rendered = circuit.Await(boardTexts, started);
            circuit._connection.Closed += e =>
            {
                lock (circuit._gate) circuit._errors.Add($"connection closed: {e?.Message ?? "by the server"}");
                return Task.CompletedTask;
            };
            await circuit._connection.StartAsync();
            var secret = await circuit._connection.InvokeAsync<string?>(
                "StartCircuit", appAddress.ToString(), page.PageAddress.ToString(), "[]", page.ApplicationState);
            if (string.IsNullOrEmpty(secret))
                throw new InvalidOperationException($"StartCircuit returned no circuit: {string.Join("; ", circuit.Errors)}");
            await circuit._connection.SendAsync("UpdateRootComponents", page.RootComponentOperations(), page.ApplicationState);
            return (circuit, await circuit.WaitAsync(rendered, within));
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Navigates within the circuit to <paramref name="address"/> (as the browser script reports a link followed inside
    /// the app) and returns the time until the first render batch that carries every one of <paramref name="expectedTexts"/>.
    /// </summary>
    public async Task<TimeSpan> NavigateAsync(Uri address, IReadOnlyList<string> expectedTexts, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(address);
        var rendered = Await(expectedTexts, Stopwatch.GetTimestamp());
        await _connection.SendAsync("OnLocationChanged", address.ToString(), null, true);
        return await WaitAsync(rendered, within);
    }

    private Task<TimeSpan> Await(IReadOnlyList<string> texts, long since)
    {
        var seen = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _awaited = ([.. texts.Select(Encoding.UTF8.GetBytes)], seen, since);
        return seen.Task;
    }

    private async Task<TimeSpan> WaitAsync(Task<TimeSpan> rendered, TimeSpan within)
    {
        var first = await Task.WhenAny(rendered, Task.Delay(within));
        if (first == rendered) return await rendered;
        lock (_gate) _awaited = null;
        throw new TimeoutException($"No render batch within {within.TotalSeconds:0} s ({Batches} batches so far; errors: {string.Join("; ", Errors)}).");
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        var arrived = Stopwatch.GetTimestamp();
        Batches++;
        lock (_gate)
        {
            // The batch's string table holds every text and attribute value it writes.
            if (_awaited is { } awaited && awaited.Texts.All(t => batch.AsSpan().IndexOf(t) >= 0))
            {
                awaited.Seen.TrySetResult(Stopwatch.GetElapsedTime(awaited.Since, arrived));
                _awaited = null;
            }
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, null);
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, int resultType)
    {
        lock (_gate) JavaScriptCalls[identifier] = JavaScriptCalls.GetValueOrDefault(identifier) + 1;
        if (asyncHandle == 0) return;
        // JSCallResultType: 0 a value, 1 a JavaScript object reference, 3 nothing. A page without a DOM answers an
        // import with an object reference and every other call with no value.
        var result = resultType == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextObjectId)}}}")
            : "null";
        await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
            string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{result}]"));
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
