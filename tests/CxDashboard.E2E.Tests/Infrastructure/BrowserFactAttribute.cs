namespace CxDashboard.E2E.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's Chromium: skipped on a developer's machine without it, run (and failed with
/// a clear message by <see cref="ChromiumBrowser"/>) on CI, where a missing browser must not pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ShouldSkip)
            Skip = Chromium.SkipReason;
    }
}
