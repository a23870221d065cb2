using Microsoft.Playwright;

namespace CxDashboard.E2E.Tests.Infrastructure;

/// <summary>One headless Chromium per test class; each test opens its own context in it.</summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser was not launched.");

    public async Task InitializeAsync()
    {
        if (Chromium.ShouldSkip)
            return;
        if (!Chromium.IsInstalled)
            throw new InvalidOperationException(Chromium.MissingOnCiMessage);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
