using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CxDashboard.EndToEnd.Benchmarks;

/// <summary>
/// The app as a child process (<c>dotnet CxDashboard.Web.dll</c> from this runner's Release output) in Production, on a
/// free loopback port, over a fresh SQLite demo store in a temporary folder that goes with it. It runs from its own
/// folder, as a deployed app does, so it reads the <c>appsettings.json</c> it ships with (its log levels among them).
/// Its log is read and dropped as it comes.
/// </summary>
internal sealed partial class AppUnderTest : IAsyncDisposable
{
    private const string Listening = "Now listening on: ";
    private readonly Process _process;
    private readonly string _folder;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _lastLines = [];

    private AppUnderTest(string folder)
    {
        _folder = folder;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CxDashboard.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            // The content root: where the shipped appsettings.json is. The store goes to the temporary folder.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataFolder"] = folder;
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["Backups__Schedule"] = "off";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Read(line.Data);
        _process.ErrorDataReceived += (_, line) => Read(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>"http://127.0.0.1:41234/".</summary>
    public Uri Address { get; private set; } = default!;

    /// <summary>The app's process id, whose memory /proc reports.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the app and waits until it listens (it migrates and seeds the demo store first).</summary>
    public static async Task<AppUnderTest> StartAsync()
    {
        var app = new AppUnderTest(Directory.CreateTempSubdirectory("cxdashboard-e2e-bench-").FullName);
        var first = await Task.WhenAny(app._address.Task, app._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        if (first != app._address.Task)
        {
            var output = app.LastLines;
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start listening:\n{output}");
        }

        app.Address = await app._address.Task;
        return app;
    }

    /// <summary>The app's resident memory now (VmRSS of /proc/PID/status), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException("/proc reports no VmRSS for the app.");
    }

    /// <summary>The processor time the app has used since it started, user and system, over all its threads.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The app's threads now (Threads of /proc/PID/status).</summary>
    public int Threads()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("Threads:", StringComparison.Ordinal))
                return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), CultureInfo.InvariantCulture);
        return 0;
    }

    /// <summary>
    /// A cookie container signed in as <paramref name="email"/> through the sign-in form, as a person does: the form's
    /// antiforgery token and handler name go back with the address and password.
    /// </summary>
    public async Task<CookieContainer> SignInAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };
        var form = await client.GetStringAsync(new Uri("account/login", UriKind.Relative));
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(form))
            fields[input.Groups["name"].Value] = WebUtility.HtmlDecode(input.Groups["value"].Value);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var body = new FormUrlEncodedContent(fields);
        using var answer = await client.PostAsync(new Uri("account/login", UriKind.Relative), body);
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.ToString().Contains("/account/", StringComparison.Ordinal) != false)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)answer.StatusCode} {answer.Headers.Location}.");
        return cookies;
    }

    private string LastLines
    {
        get
        {
            lock (_lastLines) return string.Join('\n', _lastLines);
        }
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Add(line);
            if (_lastLines.Count > 200) _lastLines.RemoveAt(0);
        }

        var at = line.IndexOf(Listening, StringComparison.Ordinal);
        if (at >= 0) _address.TrySetResult(new Uri(line[(at + Listening.Length)..].Trim().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held a moment after the kill: the temporary folder is left to the system.
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
