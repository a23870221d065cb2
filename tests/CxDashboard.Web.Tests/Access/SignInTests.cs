using System.Net;
using CxDashboard.Web.Access;
using CxDashboard.Web.Tests.Hosting;

namespace CxDashboard.Web.Tests.Access;

/// <summary>
/// Sign-in, roles and sessions on the real app (a child process in Production over its own demo store), driven
/// over HTTP as a browser would: the sign-in form with its antiforgery token, cookies, redirects.
/// </summary>
public sealed class SignInTests(RunningApp app) : IClassFixture<RunningApp>
{
    private static readonly AccessSeeder.DemoUser Viewer = AccessSeeder.DemoUsers.Single(u => u.Email.StartsWith("viewer", StringComparison.Ordinal));
    private static readonly AccessSeeder.DemoUser Editor = AccessSeeder.DemoUsers.Single(u => u.Email.StartsWith("editor", StringComparison.Ordinal));
    private static readonly AccessSeeder.DemoUser Admin = AccessSeeder.DemoUsers.Single(u => u.Email.StartsWith("admin", StringComparison.Ordinal));
    private static readonly AccessSeeder.DemoUser Partner = AccessSeeder.DemoUsers.Single(u => u.PartnerCode is not null);

    [Fact]
    public async Task A_visitor_who_has_not_signed_in_is_sent_to_sign_in_and_back()
    {
        using var response = await app.Client.GetAsync(new Uri("?month=2025-06", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2F%3Fmonth%3D2025-06", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_viewer_reads_the_board()
    {
        var (client, signIn) = await app.SignInAsync(Viewer.Email, Viewer.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", new Uri(app.Client.BaseAddress!, signIn.Headers.Location!).AbsolutePath);

        var board = await client.GetStringAsync(new Uri("/?month=2026-10", UriKind.Relative));
        Assert.Contains("ROX board", board, StringComparison.Ordinal);
        Assert.Contains("Elena Marsh, CFO", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_address_exists()
    {
        var (_, wrongPassword) = await app.SignInAsync(Admin.Email, "not the password");
        var (_, noSuchUser) = await app.SignInAsync("nobody@harbour.demo", "not the password");

        var first = await wrongPassword.Content.ReadAsStringAsync();
        var second = await noSuchUser.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("The e-mail address or the password is not right", first, StringComparison.Ordinal);
        Assert.Contains("The e-mail address or the password is not right", second, StringComparison.Ordinal);
        // What was typed stays in the form; the password never comes back.
        Assert.Contains($"value=\"{Admin.Email}\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_too()
    {
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            last?.Dispose();
            (_, last) = await app.SignInAsync(Editor.Email, $"guess number {attempt}");
        }

        var page = await last!.Content.ReadAsStringAsync();
        Assert.Contains("This account is locked", page, StringComparison.Ordinal);
        var (_, right) = await app.SignInAsync(Editor.Email, Editor.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_asking_for_the_audit_trail_or_the_settings_directly_is_refused()
    {
        var (client, _) = await app.SignInAsync(Viewer.Email, Viewer.Password);

        foreach (var page in new[] { "/audit", "/settings" })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_partner_user_is_refused_the_audit_trail_which_covers_every_partner()
    {
        var (client, _) = await app.SignInAsync(Partner.Email, Partner.Password);

        using var response = await client.GetAsync(new Uri("/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_reads_the_audit_trail_and_the_settings()
    {
        var (client, _) = await app.SignInAsync(Admin.Email, Admin.Password);

        foreach (var page in new[] { "/audit", "/settings" })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Signing_out_without_the_pages_antiforgery_token_is_refused()
    {
        var (client, _) = await app.SignInAsync(Admin.Email, Admin.Password);

        using var forged = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
