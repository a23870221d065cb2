using System.Net;
using CxDashboard.EndToEnd.Benchmarks.Circuits;
using Microsoft.Extensions.Logging;

var app = new Uri(args[0]);
var cookies = new CookieContainer();
using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app };
var login = await http.GetStringAsync(new Uri("account/login", UriKind.Relative));
var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]*)\"").Groups[1].Value;
using var form = new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token,
    ["Input.Email"] = "viewer@harbour.demo", ["Input.Password"] = "harbour-viewer-2026",
});
(await http.PostAsync(new Uri("account/login", UriKind.Relative), form)).EnsureSuccessStatusCode();
var page = await BoardPrerender.FetchAsync(http, new Uri(app, "?month=2026-10"), CancellationToken.None);
Console.WriteLine(page.RootComponentOperations()[..200]);
using var logging = LoggerFactory.Create(b => b.AddProvider(new ClientLog(LogLevel.Debug)).SetMinimumLevel(LogLevel.Debug));
var (circuit, started) = await HeadlessCircuit.OpenAsync(app, cookies, page, "2026-10", TimeSpan.FromSeconds(60), logging);
Console.WriteLine($"started {started.TotalMilliseconds} ms, batches {circuit.Batches}");
await Task.Delay(3000);
foreach (var (k, v) in circuit.JavaScriptCalls) Console.WriteLine($"js {k} {v}");
var nav = await circuit.NavigateAsync(new Uri(app, "?month=2026-09"), "2026-09", TimeSpan.FromSeconds(60));
Console.WriteLine($"nav {nav.TotalMilliseconds} ms, batches {circuit.Batches}");
await Task.Delay(3000);
Console.WriteLine($"batches {circuit.Batches}; errors {string.Join("; ", circuit.Errors)}");
await circuit.DisposeAsync();
