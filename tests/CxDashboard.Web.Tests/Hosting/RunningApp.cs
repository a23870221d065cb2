using System.Net;
using System.Text.RegularExpressions;
using CxDashboard.Testing;
using CxDashboard.Web.Access;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>
/// The real app as a child process in Production (<see cref="AppProcess"/>), over a fresh SQLite store it migrates
/// and seeds itself, listening on a free port, with clients that sign in through its form. Shared by the tests of one
/// class: start-up is the slow part.
/// </summary>
public partial class RunningApp : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-hosting-").FullName;
    private AppProcess? _process;

    private HttpClient? _signedIn;

    /// <summary>An anonymous client that does not follow redirects, so every response's own headers can be read.</summary>
    public HttpClient Client { get; private set; } = default!;

    /// <summary>Settings of this app beyond the SQLite demo store, as environment variables ("Database__Provider").</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string> { ["Database__SeedDemoData"] = "true" };
        foreach (var (name, value) in await SettingsAsync()) settings[name] = value;
        _process = await AppProcess.StartAsync(_folder, settings);
        Client = NewClient(_process.Address);
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
    /// answer: a redirect when signed in, the form again with its message when not. The form (and its antiforgery
    /// token and cookie) comes from this app, or from the app at <paramref name="formFrom"/>.
    /// </summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string email, string password, Uri? formFrom = null)
    {
        var client = NewClient(Client.BaseAddress!);
        var form = await client.GetStringAsync(new Uri(formFrom ?? Client.BaseAddress!, "account/login"));
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

    public virtual Task DisposeAsync()
    {
        Client?.Dispose();
        _signedIn?.Dispose();
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
