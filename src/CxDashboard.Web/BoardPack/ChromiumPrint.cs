using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CxDashboard.Web.BoardPack;

/// <summary>Chromium could not print the page: why, in a sentence.</summary>
public sealed class ChromiumPrintException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The paper of a PDF, in inches, portrait; the pages themselves are landscape (the pack's CSS says so).</summary>
/// <param name="Name">"A4" or "Letter".</param>
/// <param name="WidthInches">The short side.</param>
/// <param name="HeightInches">The long side.</param>
public sealed record Paper(string Name, double WidthInches, double HeightInches)
{
    /// <summary>ISO A4, 210 × 297 mm.</summary>
    public static Paper A4 { get; } = new("A4", 210 / 25.4, 297 / 25.4);

    /// <summary>US Letter, 8.5 × 11 in.</summary>
    public static Paper Letter { get; } = new("Letter", 8.5, 11);

    /// <summary>The pack's left plus right page margin (its print CSS: 10 mm each), in CSS pixels.</summary>
    private const double MarginsPixels = 20 / 25.4 * 96;

    /// <summary>The width a landscape page lays its content out at, in CSS pixels (96 per inch): the paper less its margins.</summary>
    public int ContentWidthPixels => (int)Math.Floor(HeightInches * 96 - MarginsPixels);

    /// <summary>The height of a landscape page in CSS pixels.</summary>
    public int LandscapeHeightPixels => (int)Math.Round(WidthInches * 96);
}

/// <summary>
/// One headless Chromium, driven over the DevTools protocol on a pipe (its file descriptors 3 and 4, as Playwright does):
/// no port is opened, and the browser, its profile and its pages end with the print. It opens one address with print
/// media, waits until the page says it is ready, and prints it to PDF.
/// </summary>
internal sealed class ChromiumPrint : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StringBuilder _errors = new();
    private int _nextId;

    private ChromiumPrint(Process process, string profile)
    {
        _process = process;
        _profile = profile;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, line) =>
        {
            lock (_errors)
                if (line.Data is { } text && _errors.Length < 4_000) _errors.AppendLine(text);
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <paramref name="chromium"/> headless with a profile of its own.</summary>
    public static ChromiumPrint Start(string chromium)
    {
        var profile = Directory.CreateTempSubdirectory("cxdashboard-pdf-").FullName;
        // The shell hands Chromium our pipes as its descriptors 3 (commands in) and 4 (answers out).
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>/dev/null");
        start.ArgumentList.Add(chromium);
        foreach (var argument in Arguments(profile)) start.ArgumentList.Add(argument);
        try
        {
            return new ChromiumPrint(Process.Start(start) ?? throw new ChromiumPrintException($"{chromium} did not start."), profile);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Directory.Delete(profile, recursive: true);
            throw new ChromiumPrintException($"{chromium} could not be started: {e.Message}", e);
        }
    }

    /// <summary>
    /// Headless, with nothing that reaches the network on its own. Without the sandbox: it cannot start as root or in most
    /// containers, and this browser opens nothing but this app's own pages on its own loopback address.
    /// </summary>
    private static IEnumerable<string> Arguments(string profile) =>
    [
        "--headless",
        "--remote-debugging-pipe",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--mute-audio",
        "--hide-scrollbars",
        "--user-data-dir=" + profile,
        "about:blank",
    ];

    /// <summary>
    /// Opens <paramref name="address"/> in a page of <paramref name="paper"/>'s landscape size with print media, waits
    /// until <paramref name="readiness"/> (a JavaScript expression) evaluates to "ready" (or "refused: why"), and
    /// returns the page printed to PDF.
    /// </summary>
    public async Task<byte[]> PrintAsync(Uri address, Paper paper, string readiness, CancellationToken cancellationToken)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancellationToken);
        var session = attached["sessionId"]!.GetValue<string>();

        // Laid out as on paper from the start, so that charts are drawn at the width they are printed at.
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = paper.ContentWidthPixels,
            ["height"] = paper.LandscapeHeightPixels,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = false,
        }, session, cancellationToken);
        await SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" }, session, cancellationToken);
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = address.ToString() }, session, cancellationToken);
        if (navigated["errorText"]?.GetValue<string>() is { Length: > 0 } failed)
            throw new ChromiumPrintException($"Chromium could not open the board pack at {address.GetLeftPart(UriPartial.Authority)}: {failed}.");

        while (true)
        {
            var evaluated = await SendAsync("Runtime.evaluate",
                new JsonObject { ["expression"] = readiness, ["returnByValue"] = true }, session, cancellationToken);
            var state = evaluated["result"]?["value"]?.GetValue<string>() ?? "";
            if (state == "ready") break;
            if (state.StartsWith("refused:", StringComparison.Ordinal))
                throw new ChromiumPrintException("The board pack refused to open for printing: " + state["refused:".Length..].Trim());
            await Task.Delay(200, cancellationToken);
        }

        var printed = await SendAsync("Page.printToPDF", new JsonObject
        {
            ["landscape"] = true,
            ["printBackground"] = true,
            ["preferCSSPageSize"] = true,
            ["paperWidth"] = paper.WidthInches,
            ["paperHeight"] = paper.HeightInches,
            ["displayHeaderFooter"] = false,
        }, session, cancellationToken);
        return Convert.FromBase64String(printed["data"]!.GetValue<string>());
    }

    /// <summary>Sends one command and waits for its answer; events that arrive in between are skipped.</summary>
    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null) message["sessionId"] = session;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _input.WriteAsync(bytes, cancellationToken);
        await _input.WriteAsync(new byte[] { 0 }, cancellationToken);
        await _input.FlushAsync(cancellationToken);

        while (true)
        {
            var answer = await ReadMessageAsync(cancellationToken);
            if (answer["id"]?.GetValue<int>() != id) continue;
            if (answer["error"] is { } error)
                throw new ChromiumPrintException($"Chromium refused {method}: {error["message"]?.GetValue<string>() ?? error.ToJsonString()}");
            return answer["result"] as JsonObject ?? [];
        }
    }

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _pending = new();
    private int _buffered;
    private int _read;

    /// <summary>The next message Chromium wrote: JSON terminated by a NUL byte.</summary>
    private async Task<JsonObject> ReadMessageAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_read < _buffered)
            {
                var b = _buffer[_read++];
                if (b != 0)
                {
                    _pending.WriteByte(b);
                    continue;
                }

                var text = Encoding.UTF8.GetString(_pending.GetBuffer(), 0, (int)_pending.Length);
                _pending.SetLength(0);
                return JsonNode.Parse(text) as JsonObject ?? throw new ChromiumPrintException("Chromium answered with something other than a DevTools message.");
            }

            _buffered = await _output.ReadAsync(_buffer, cancellationToken);
            _read = 0;
            if (_buffered == 0)
            {
                string errors;
                lock (_errors) errors = _errors.ToString().Trim();
                throw new ChromiumPrintException("Chromium stopped before it had printed the page" + (errors.Length > 0 ? ": " + FirstLine(errors) : "."));
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await SendAsync("Browser.close", [], null, closing.Token);
                }
                catch (Exception e) when (e is ChromiumPrintException or OperationCanceledException or IOException)
                {
                    // Already going: it is killed below if it does not end by itself.
                }

                try
                {
                    await _process.WaitForExitAsync(closing.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _process.Dispose();
            _pending.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A file Chromium still held: the temporary folder is cleaned by the system.
            }
        }
    }

    /// <summary>For the log: what Chromium wrote to its error output.</summary>
    public string ErrorOutput
    {
        get
        {
            lock (_errors) return _errors.ToString().Trim();
        }
    }
}
