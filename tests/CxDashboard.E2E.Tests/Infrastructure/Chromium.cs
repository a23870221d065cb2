namespace CxDashboard.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, which the browser tests drive instead of a browser Playwright downloads
/// (downloads are not possible on our machines, and CI installs the distribution package).
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Headless without the sandbox (tests run as root in a container), and nothing that reaches the
    /// network on its own or needs a GPU or a large /dev/shm.
    /// </summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    /// <summary>Whether the browser is installed.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>CI sets CI=true; there a missing browser is a broken machine, not a reason to skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Browser tests run unless the browser is missing on a developer's machine.</summary>
    public static bool ShouldSkip => !IsInstalled && !IsCi;

    /// <summary>Why the tests were skipped, with the one command that un-skips them.</summary>
    public static string SkipReason =>
        $"Debian's Chromium is not installed at {ExecutablePath}; install it with `apt-get install chromium` to run the browser tests.";

    /// <summary>Why the run failed on CI.</summary>
    public static string MissingOnCiMessage =>
        $"CI must install Debian's chromium: {ExecutablePath} is missing (apt-get install chromium). The browser tests do not skip when CI=true.";
}
