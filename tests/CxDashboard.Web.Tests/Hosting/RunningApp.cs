using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CxDashboard.Web.Access;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>
/// The real app as a child process in Production, over a fresh SQLite store it migrates and seeds itself,
/// listening on a free port. Shared by the tests of one class: start-up is the slow part.
/// </summary>
public partial class RunningApp : IAsyncLifetime
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-hosting-").FullName;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private Process? _process;

    private HttpClient? _signedIn;

    /// <summary>An anonymous client that does not follow redirects, so every response's own headers can be read.</summary>
    public HttpClient Client { get; private set; } = default!;

    /// <summary>Settings of this app beyond the SQLite demo store, as environment variables ("Database__Provider").</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public virtual async Task InitializeAsync()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "CxDashboard.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataFolder"] = _folder;
        start.Environment["Database__SeedDemoData"] = "true";
        foreach (var (name, value) in await SettingsAsync()) start.Environment[name] = value;

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Read(line.Data);
        _process.ErrorDataReceived += (_, line) => Read(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var started = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(StartWithin));
        if (started != _listening.Task)
            throw new InvalidOperationException($"The app did not start listening:\n{string.Join('\n', Output)}");

        Client = NewClient(await _listening.Task);
    }

    /// <summary>
    /// A client signed in as the demo organisation's viewer through the sign-in form, as a person does:
    /// the form's own hidden fields (antiforgery token, form name) go back with the address and password.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        if (_signedIn is not null) return _signedIn;
        var viewer = AccessSeeder.DemoUsers[0];
        var (client, response) = await SignInAsync(viewer.Email, viewer.Password);
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/account/", StringComparison.Ordinal) != false)
                throw new InvalidOperationException($"Signing in as {viewer.Email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return _signedIn = client;
    }

    /// <summary>
    /// A new client (its own cookies) that has posted the sign-in form with this address and password, and the
    /// answer: a redirect when signed in, the form again with its message when not.
    /// </summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string email, string password)
    {
        var client = NewClient(Client.BaseAddress!);
        var form = await client.GetStringAsync(new Uri("account/login", UriKind.Relative));
        var fields = FormFields(form, "/account/login");
        foreach (Match input in Input().Matches(form))
        {
            var name = Attribute(input.Value, "name");
            if (name is null) continue;
            if (Attribute(input.Value, "autocomplete") == "username") fields[name] = email;
            if (Attribute(input.Value, "autocomplete") == "current-password") fields[name] = password;
        }

        return (client, await client.PostAsync(new Uri("account/login", UriKind.Relative), new FormUrlEncodedContent(fields)));
    }

    /// <summary>Posts the form of <paramref name="page"/> whose action is <paramref name="action"/>, with its own hidden fields.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string page, string action) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(FormFields(page, action)));

    /// <summary>The named inputs of the first form in <paramref name="page"/> posting to <paramref name="action"/>, or of the whole page.</summary>
    private static Dictionary<string, string> FormFields(string page, string action)
    {
        var start = page.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        var form = start < 0 ? page : page[start..Math.Max(start, page.IndexOf("</form>", start, StringComparison.Ordinal))];
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(form))
            if (Attribute(input.Value, "name") is { } name)
                fields[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
        return fields;
    }

    private static HttpClient NewClient(Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\b{name}=\"(?<value>[^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["value"].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    private IEnumerable<string> Output
    {
        get
        {
            lock (_output) return [.. _output];
        }
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
        // Kestrel logs the port it bound for port 0: "Now listening on: http://127.0.0.1:41234".
        const string listening = "Now listening on: ";
        var at = line.IndexOf(listening, StringComparison.Ordinal);
        if (at >= 0)
            _listening.TrySetResult(new Uri(line[(at + listening.Length)..].Trim().TrimEnd('/') + "/"));
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        _signedIn?.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
