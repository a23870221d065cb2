using System.Diagnostics;

namespace CxDashboard.Testing;

/// <summary>
/// The real app as a child process (<c>dotnet CxDashboard.Web.dll</c> from the test's own output folder) in
/// Production, on a free loopback port, with its settings as environment variables ("Database__Provider"). Its
/// output is read as it comes, so a test can wait for a line of it; killing it is SIGKILL to the whole tree.
/// </summary>
public sealed class AppProcess : IDisposable
{
    /// <summary>How long the app may take to start listening: it migrates and seeds first, on a busy two-core machine.</summary>
    public static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(120);

    private const string Listening = "Now listening on: ";

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _standardOutput = [];
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> _waits = [];

    private AppProcess(string folder, IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CxDashboard.Web.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataFolder"] = folder;
        foreach (var (name, value) in settings) start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Read(line.Data, error: false);
        _process.ErrorDataReceived += (_, line) => Read(line.Data, error: true);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The address the app listens on, ending in a slash ("http://127.0.0.1:41234/"), once it does.</summary>
    public Uri Address { get; private set; } = default!;

    /// <summary>Everything the app has written so far, standard output and error, a line each.</summary>
    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    /// <summary>What the app has written to standard error so far, a line each (where a failed start says why).</summary>
    public string Errors
    {
        get
        {
            lock (_output) return string.Join('\n', _errors);
        }
    }

    /// <summary>What the app has written to standard output so far (its log), a line each.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output) return string.Join('\n', _standardOutput);
        }
    }

    /// <summary>Starts the app without waiting for anything (for tests that stop it in the middle of its start).</summary>
    public static AppProcess Launch(string folder, IReadOnlyDictionary<string, string> settings, params string[] arguments) =>
        new(folder, settings, arguments.Length > 0 ? arguments : ["--urls", "http://127.0.0.1:0"]);

    /// <summary>
    /// Starts the app over <paramref name="folder"/> and waits until it listens; throws with its output when it ends
    /// first or takes longer than <see cref="StartWithin"/>.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> settings)
    {
        var app = Launch(folder, settings);
        try
        {
            var line = await app.WaitForOutputAsync(Listening, StartWithin);
            // Kestrel logs the port it bound for port 0: "Now listening on: http://127.0.0.1:41234".
            app.Address = new Uri(line[(line.IndexOf(Listening, StringComparison.Ordinal) + Listening.Length)..].Trim().TrimEnd('/') + "/");
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first line of output (already written or still to come) that contains <paramref name="text"/>; throws with
    /// the app's output when the app ends without writing it, or after <paramref name="within"/>.
    /// </summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan within)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } written) return written;
            _waits.Add((text, seen));
        }

        var ended = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, ended, Task.Delay(within));
        if (first == seen.Task) return await seen.Task;
        if (first == ended)
        {
            // The last lines may still be on their way from the pipes.
            await _process.WaitForExitAsync();
            lock (_output)
                if (_output.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } last) return last;
        }

        throw new InvalidOperationException(
            $"The app {(first == ended ? $"ended (exit code {_process.ExitCode})" : $"ran for {within.TotalSeconds:0} s")} without writing \"{text}\":\n{Output}");
    }

    /// <summary>Waits for the app to end by itself; its exit code. Kills it and throws when it is still running after <paramref name="within"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new InvalidOperationException($"The app was still running after {within.TotalSeconds:0} s:\n{Output}");
        }

        // WaitForExitAsync also waits for the redirected output to be read to its end.
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the app and anything it started: no chance to finish or clean up anything.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Read(string? line, bool error)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            (error ? _errors : _standardOutput).Add(line);
            foreach (var wait in _waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult(line);
                _waits.Remove(wait);
            }
        }
    }
}
