using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>The security headers on what the real app serves: pages, static files, redirects, errors and probes.</summary>
[Collection(RunningAppGroup.Name)]
public sealed partial class SecurityHeadersTests(RunningApp app)
{
    private const string BoardPage = "?month=2025-06";

    // What anyone may ask for without signing in.
    public static TheoryData<string, HttpStatusCode> PublicResponses => new()
    {
        { "account/login", HttpStatusCode.OK },
        { "favicon.svg", HttpStatusCode.OK },
        { "_content/MudBlazor/MudBlazor.min.css", HttpStatusCode.OK },
        { "_framework/blazor.web.js", HttpStatusCode.OK },
        // The board sends a visitor who has not signed in to the sign-in page.
        { BoardPage, HttpStatusCode.Redirect },
        { "health", HttpStatusCode.OK },
        { "health/ready", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(PublicResponses))]
    public async Task Every_public_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData(BoardPage, HttpStatusCode.OK)]
    // The board without a month redirects to the latest one.
    [InlineData("", HttpStatusCode.Found)]
    [InlineData("no-such-page", HttpStatusCode.NotFound)]
    public async Task The_board_and_the_pages_around_it_carry_the_security_headers(string path, HttpStatusCode status)
    {
        var client = await app.SignedInClientAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_policy_forbids_eval_inline_scripts_plugins_and_framing()
    {
        var client = await app.SignedInClientAsync();
        using var response = await client.GetAsync(new Uri(BoardPage, UriKind.Relative));
        var policy = Directives(Header(response, "Content-Security-Policy"));

        Assert.DoesNotContain("unsafe-eval", string.Join(";", policy.Values), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy["script-src"], StringComparison.Ordinal);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
    }

    [Theory]
    [InlineData(BoardPage, true)]
    [InlineData("account/login", false)]
    public async Task The_policy_admits_the_one_inline_script_of_a_page_by_its_hash(string path, bool signedIn)
    {
        var client = signedIn ? await app.SignedInClientAsync() : app.Client;
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var policy = Directives(Header(response, "Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Blazor's import map is the page's only inline script; scripts with src are served from 'self'.
        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        var importMap = Assert.Single(inline);
        Assert.Contains("\"imports\"", importMap, StringComparison.Ordinal);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));
        Assert.Equal($"'self' 'sha256-{hash}'", policy["script-src"]);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.StartsWith("default-src 'self'; script-src 'self'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=()", Header(response, "Permissions-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);

    // A <script> element without a src attribute, and what stands between its tags.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
